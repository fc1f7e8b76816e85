package dev.easel.host.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * Z-order keys: strings that sort (by plain string comparison) in drawing order, with a key between any two,
 * so moving one node in the stack rewrites only that node's key. The scheme is that of Rocicorp's
 * "fractional-indexing" (base 62, a variable-length integer part then a fraction without trailing zeros):
 * appending at either end grows keys only logarithmically, inserting into the same gap again and again by
 * one character every few inserts.
 */
public final class FractionalIndex {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SMALLEST_INTEGER = "A" + "0".repeat(26);
    private static final String FIRST = "a0";

    private FractionalIndex() {
    }

    /**
     * A key strictly between {@code lower} and {@code upper}; null stands for the open end. Throws
     * {@link IllegalArgumentException} for malformed keys or when {@code lower >= upper}.
     */
    public static String between(String lower, String upper) {
        if (lower != null) {
            check(lower);
        }
        if (upper != null) {
            check(upper);
        }
        if (lower != null && upper != null && lower.compareTo(upper) >= 0) {
            throw new IllegalArgumentException("key '" + lower + "' is not below '" + upper + "'");
        }
        if (lower == null) {
            return upper == null ? FIRST : before(upper);
        }
        String ia = integerPart(lower);
        String fa = lower.substring(ia.length());
        if (upper == null) {
            String next = increment(ia);
            return next == null ? ia + midpoint(fa, null) : next;
        }
        String ib = integerPart(upper);
        if (ia.equals(ib)) {
            return ia + midpoint(fa, upper.substring(ib.length()));
        }
        String next = increment(ia);
        if (next == null) {
            throw new IllegalArgumentException("no key above '" + lower + "'");
        }
        return next.compareTo(upper) < 0 ? next : ia + midpoint(fa, null);
    }

    /** {@code n} ascending keys strictly between {@code lower} and {@code upper} (either may be null). */
    public static List<String> between(String lower, String upper, int n) {
        List<String> keys = new ArrayList<>(n);
        String last = lower;
        for (int i = 0; i < n; i++) {
            last = between(last, upper);
            keys.add(last);
        }
        return keys;
    }

    /** Whether a string is a well-formed key. */
    public static boolean isValid(String key) {
        try {
            check(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String before(String upper) {
        String ib = integerPart(upper);
        if (ib.equals(SMALLEST_INTEGER)) {
            return ib + midpoint("", upper.substring(ib.length()));
        }
        if (ib.compareTo(upper) < 0) {
            return ib;
        }
        String previous = decrement(ib);
        if (previous == null) {
            throw new IllegalArgumentException("no key below '" + upper + "'");
        }
        return previous;
    }

    /** A fraction between {@code a} and {@code b} (null: above everything); neither ends in '0'. */
    private static String midpoint(String a, String b) {
        if (b != null) {
            int n = 0;
            while ((n < a.length() ? a.charAt(n) : '0') == b.charAt(n)) {
                n++;
            }
            if (n > 0) {
                return b.substring(0, n) + midpoint(a.substring(Math.min(n, a.length())), b.substring(n));
            }
        }
        int digitA = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
        int digitB = b != null ? DIGITS.indexOf(b.charAt(0)) : DIGITS.length();
        if (digitB - digitA > 1) {
            return String.valueOf(DIGITS.charAt((digitA + digitB + 1) / 2));
        }
        if (b != null && b.length() > 1) {
            return b.substring(0, 1);
        }
        return DIGITS.charAt(digitA) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
    }

    private static int integerLength(char head) {
        if (head >= 'a' && head <= 'z') {
            return head - 'a' + 2;
        }
        if (head >= 'A' && head <= 'Z') {
            return 'Z' - head + 2;
        }
        throw new IllegalArgumentException("'" + head + "' cannot start a z-order key");
    }

    private static String integerPart(String key) {
        int n = integerLength(key.charAt(0));
        if (n > key.length()) {
            throw new IllegalArgumentException("z-order key '" + key + "' is cut short");
        }
        return key.substring(0, n);
    }

    private static void check(String key) {
        if (key.isEmpty() || key.equals(SMALLEST_INTEGER)) {
            throw new IllegalArgumentException("'" + key + "' is not a z-order key");
        }
        for (int i = 0; i < key.length(); i++) {
            if (DIGITS.indexOf(key.charAt(i)) < 0) {
                throw new IllegalArgumentException("z-order key '" + key + "' has a character outside 0-9A-Za-z");
            }
        }
        String fraction = key.substring(integerPart(key).length());
        if (fraction.endsWith("0")) {
            throw new IllegalArgumentException("z-order key '" + key + "' ends in 0");
        }
    }

    private static String increment(String integer) {
        char head = integer.charAt(0);
        char[] digits = integer.substring(1).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = DIGITS.indexOf(digits[i]) + 1;
            if (d < DIGITS.length()) {
                digits[i] = DIGITS.charAt(d);
                return head + new String(digits);
            }
            digits[i] = '0';
        }
        if (head == 'Z') {
            return FIRST;
        }
        if (head == 'z') {
            return null;
        }
        char h = (char) (head + 1);
        String rest = new String(digits);
        // One more digit above 'a', one fewer below: the head encodes the integer part's length.
        return h + (h > 'a' ? rest + "0" : rest.substring(0, rest.length() - 1));
    }

    private static String decrement(String integer) {
        char head = integer.charAt(0);
        char[] digits = integer.substring(1).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = DIGITS.indexOf(digits[i]) - 1;
            if (d >= 0) {
                digits[i] = DIGITS.charAt(d);
                return head + new String(digits);
            }
            digits[i] = 'z';
        }
        if (head == 'a') {
            return "Zz";
        }
        if (head == 'A') {
            return null;
        }
        char h = (char) (head - 1);
        String rest = new String(digits);
        return h + (h < 'Z' ? rest + "z" : rest.substring(0, rest.length() - 1));
    }
}
