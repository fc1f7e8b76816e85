package dev.easel.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints benchmark figures as JSON lines: {@code {"figure": NAME, "value": NUMBER, "unit": UNIT, ...}}. */
public final class Figures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;

    public Figures(PrintStream out) {
        this.out = out;
    }

    /** {@code value} rounded to tenths, for parameters such as seconds of warm-up. */
    public static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** {@code value} rounded to hundredths. */
    public static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }

    public void emit(String figure, double value, String unit, Map<String, ?> parameters) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("figure", figure);
        line.put("value", Math.round(value * 1000.0) / 1000.0);
        line.put("unit", unit);
        line.putAll(parameters);
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
