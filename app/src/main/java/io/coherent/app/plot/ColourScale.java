package io.coherent.app.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour map over [lower, upper]: sequential (viridis, for values of one sign) or diverging (blue, white,
 * red, centred at zero). Values outside the range get the end colours; NaN (a failed point) light grey.
 */
public record ColourScale(double lower, double upper, boolean diverging) implements PaintScale {
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6DCD59, 0xB4DE2C, 0xFDE725};
    private static final int[] DIVERGING = {0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582,
            0xD6604D, 0xB2182B};
    static final double BOTH_SIGNS = 0.05;
    static final Color MISSING = new Color(0xBBBBBB);

    /**
     * A diverging scale symmetric about zero if the values take both signs on comparable scales (the smaller side at
     * least {@link #BOTH_SIGNS} of the larger), otherwise a sequential one over the range (a few values of the other
     * sign that are tiny on the figure's scale would otherwise waste half of the colours).
     */
    public static ColourScale over(double lo, double hi) {
        if (lo < 0 && hi > 0 && Math.min(-lo, hi) >= BOTH_SIGNS * Math.max(-lo, hi)) {
            double m = Math.max(-lo, hi);
            return new ColourScale(-m, m, true);
        }
        return new ColourScale(lo, hi, false);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        int[] anchors = diverging ? DIVERGING : VIRIDIS;
        double f = upper > lower ? (value - lower) / (upper - lower) : 0.5;
        f = Math.max(0, Math.min(1, f)) * (anchors.length - 1);
        int i = Math.min((int) f, anchors.length - 2);
        double w = f - i;
        Color a = new Color(anchors[i]);
        Color b = new Color(anchors[i + 1]);
        return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
    }
}
