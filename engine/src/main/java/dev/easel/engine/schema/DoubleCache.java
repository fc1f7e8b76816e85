package dev.easel.engine.schema;

/**
 * Shares the boxes of small whole numbers (design coordinates, sizes, opacity 1, rotation 0 are mostly
 * these), so that a hundred thousand rows do not each carry their own {@code Double} for them.
 */
final class DoubleCache {
    private static final int LOW = -1024;
    private static final int HIGH = 4096;
    private static final Double[] BOXES = new Double[HIGH - LOW + 1];

    static {
        for (int i = LOW; i <= HIGH; i++) {
            BOXES[i - LOW] = (double) i;
        }
    }

    private DoubleCache() {
    }

    static Double canonical(double d) {
        if (d >= LOW && d <= HIGH) {
            int i = (int) d;
            if (i == d && (i != 0 || Double.doubleToRawLongBits(d) == 0L)) {
                return BOXES[i - LOW];
            }
        }
        return d;
    }
}
