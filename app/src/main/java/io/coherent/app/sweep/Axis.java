package io.coherent.app.sweep;

import io.coherent.config.Expressions;
import io.coherent.config.ScenarioException;
import java.util.stream.IntStream;

/**
 * One swept parameter: {@code count} values from {@code start} to {@code stop} (both included), equally
 * spaced ({@link Scale#LINEAR}) or in constant ratio ({@link Scale#LOG}).
 *
 * @param name  the scenario key it overrides, e.g. {@code theta}
 * @param scale linear or logarithmic spacing
 * @param start first value
 * @param stop  last value
 * @param count number of values (>= 2)
 * @param text  the specification as the user wrote it, for messages
 */
public record Axis(String name, Scale scale, double start, double stop, int count, String text) {

    /** How the values are spaced. */
    public enum Scale { LINEAR, LOG }

    static final String FORMAT = "NAME=START:STOP:N or NAME=log:START:STOP:N (START, STOP numbers like 0.3, 1e-3, pi/8; "
            + "N an integer >= 2)";

    public Axis {
        if (name == null || name.isBlank()) {
            throw error(text, "the parameter name is empty");
        }
        if (count < 2) {
            throw error(text, "N = " + count + " is not allowed: expected an integer >= 2");
        }
        if (!Double.isFinite(start) || !Double.isFinite(stop) || start == stop) {
            throw error(text, "START and STOP must be different finite numbers");
        }
        if (scale == Scale.LOG && !(start > 0 && stop > 0)) {
            throw error(text, "a log range needs START > 0 and STOP > 0");
        }
    }

    /** Parses {@code NAME=START:STOP:N} or {@code NAME=log:START:STOP:N}. */
    public static Axis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw error(text, "expected " + FORMAT);
        }
        String name = text.substring(0, eq).strip();
        String[] fields = text.substring(eq + 1).split(":", -1);
        Scale scale = Scale.LINEAR;
        int first = 0;
        if (fields.length == 4) {
            if (!fields[0].strip().equals("log")) {
                throw error(text, "'" + fields[0].strip() + "' is not a scale: expected log (or no scale for linear)");
            }
            scale = Scale.LOG;
            first = 1;
        } else if (fields.length != 3) {
            throw error(text, "expected " + FORMAT);
        }
        double start = number(text, "START", fields[first]);
        double stop = number(text, "STOP", fields[first + 1]);
        String n = fields[first + 2].strip();
        int count;
        try {
            count = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw error(text, "N = " + n + " is not allowed: expected an integer >= 2");
        }
        return new Axis(name, scale, start, stop, count, text);
    }

    /** The i-th value, i = 0 .. count - 1; the end points are exactly START and STOP. */
    public double value(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        if (i == 0 || i == count - 1) {
            return i == 0 ? start : stop;
        }
        double f = (double) i / (count - 1);
        return scale == Scale.LINEAR ? start + (stop - start) * f
                : Math.exp(Math.log(start) + (Math.log(stop) - Math.log(start)) * f);
    }

    public double[] values() {
        return IntStream.range(0, count).mapToDouble(this::value).toArray();
    }

    private static double number(String text, String field, String expression) {
        try {
            return Expressions.evaluate(expression.strip());
        } catch (IllegalArgumentException e) {
            throw error(text, field + " = '" + expression.strip() + "' is not a number: " + e.getMessage()
                    + " (numbers are written like 0.3, 1e-8, pi/8, -pi/4, 2*pi)");
        }
    }

    static ScenarioException error(String text, String message) {
        return new ScenarioException("--param", "--param " + text + ": " + message);
    }
}
