package io.coherent.app.plot;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.TickUnits;

/**
 * Tick spacings and labels a physicist expects: round 1-2-5 steps with a leading zero ({@code 0.05}, not
 * {@code .05}), decades on logarithmic axes, and multiples of pi (pi/8, pi/4, 3pi/8) on angle axes.
 */
public final class Ticks {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Ticks() {
    }

    /** Linear axes: steps 1, 2, 5 times a power of ten. */
    public static TickUnitSource decimal() {
        TickUnits units = new TickUnits();
        for (int e = -16; e <= 16; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double size = m * Math.pow(10, e);
                units.add(new NumberTickUnit(size, new Decimal(size)));
            }
        }
        return units;
    }

    /**
     * Logarithmic axes drawn on log10 of the values: ticks at every decade (or every 2nd, 5th, 10th), labelled with
     * the value itself ({@code 0.01}, {@code 1}, {@code 100}, or {@code 10⁻⁸}); below a decade of range, finer steps.
     */
    public static TickUnitSource decades() {
        TickUnits units = new TickUnits();
        for (double size : new double[] {0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20}) {
            units.add(new NumberTickUnit(size, new PowerOfTen()));
        }
        return units;
    }

    /** Axes of whole numbers (a count such as M): steps 1, 2, 5, 10, ... */
    public static TickUnitSource integers() {
        TickUnits units = new TickUnits();
        for (int e = 0; e <= 9; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double size = m * Math.pow(10, e);
                units.add(new NumberTickUnit(size, new Decimal(size)));
            }
        }
        return units;
    }

    /** Angle axes in radians: steps pi/64 .. 2 pi, labelled as multiples of pi. */
    public static TickUnitSource angles() {
        TickUnits units = new TickUnits();
        for (int k = -6; k <= 1; k++) {
            units.add(new NumberTickUnit(Math.PI * Math.pow(2, k), new PiMultiple()));
        }
        return units;
    }

    /** A number for a label or legend: up to 4 significant digits, no trailing zeros, 10^n for large exponents. */
    public static String number(double v) {
        return number(v, 4);
    }

    /** A number to {@code digits} significant digits, no trailing zeros, 10^n for large exponents. */
    public static String number(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        if (Math.abs(Double.parseDouble(String.format(Locale.ROOT, "%." + (digits - 1) + "e", v))) >= Math.pow(10, exponent + 1)) {
            exponent++; // 9.9996e-5 rounds to 1.000e-4
        }
        if (exponent < -3 || exponent > 5) {
            double mantissa = v / Math.pow(10, exponent);
            String m = trim(String.format(Locale.ROOT, "%." + (digits - 1) + "f", mantissa));
            if (m.equals("10") || m.equals("-10")) {
                m = m.replace("10", "1");
                exponent++;
            }
            return (m.equals("1") ? "" : m.equals("-1") ? "−" : m.replace('-', '−') + "×") + "10" + superscript(exponent);
        }
        return trim(String.format(Locale.ROOT, "%." + Math.max(0, digits - 1 - exponent) + "f", v)).replace('-', '−');
    }

    /** An angle as a multiple of pi: {@code 0}, {@code π/8}, {@code 3π/16}, {@code −π/4}, or {@code 0.005π}. */
    public static String angle(double radians) {
        double q = radians / Math.PI;
        if (Math.abs(q) < 1e-12) {
            return "0";
        }
        for (int den = 1; den <= 400; den++) {
            double num = q * den;
            if (Math.abs(num - Math.rint(num)) < 1e-9 * den && (den <= 64 || Math.rint(num) == 1 || Math.rint(num) == -1)) {
                long n = Math.round(num);
                String sign = n < 0 ? "−" : "";
                long a = Math.abs(n);
                return sign + (a == 1 ? "" : Long.toString(a)) + "π" + (den == 1 ? "" : "/" + den);
            }
        }
        return number(q) + "π";
    }

    static String superscript(int n) {
        StringBuilder s = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** Labels of a 1-2-5 step: as many decimals as the step needs; 10^n notation for very small or large steps. */
    private static final class Decimal extends LabelFormat {
        private final double step;
        private final DecimalFormat plain;

        Decimal(double step) {
            this.step = step;
            int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
            this.plain = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals),
                    DecimalFormatSymbols.getInstance(Locale.ROOT));
        }

        @Override
        String label(double v) {
            if (Math.abs(v) < step * 1e-6) {
                return "0";
            }
            if ((step < 1e-4 && Math.abs(v) < 1e3 * step) || step >= 1e6) {
                return number(v); // small values on a fine step: 2×10⁻⁵
            }
            return plain.format(v).replace('-', '−');
        }
    }

    /** Labels of a log10 axis: the value 10^v. */
    private static final class PowerOfTen extends LabelFormat {
        @Override
        String label(double v) {
            double rounded = Math.rint(v);
            if (Math.abs(v - rounded) < 1e-9) {
                int e = (int) rounded;
                return e >= -3 && e <= 4 ? number(Math.pow(10, e)) : "10" + superscript(e);
            }
            return number(Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.pow(10, v))));
        }
    }

    private static final class PiMultiple extends LabelFormat {
        @Override
        String label(double v) {
            return angle(v);
        }
    }

    /** A {@link NumberFormat} that only formats, for JFreeChart's tick units. */
    private abstract static class LabelFormat extends NumberFormat {
        abstract String label(double v);

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
