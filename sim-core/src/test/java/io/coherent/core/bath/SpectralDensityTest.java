package io.coherent.core.bath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectralDensityTest {

    /** The exponential kernel equals int J(w) e^{-iwt} dw computed by quadrature: the embedding is exact. */
    @Test
    void lorentzianSumKernelIsTheFourierTransformOfJ() {
        SpectralDensity j = new LorentzianSum(List.of(new Lorentzian(1, 0.3, 0.7), new Lorentzian(-0.5, 1.2, 0.2)));
        for (double t : new double[] {0, 0.7, 3}) {
            VectorIntegrand f = new VectorIntegrand() {
                @Override
                public int dimension() {
                    return 2;
                }

                @Override
                public void evaluate(double w, double[] out) {
                    out[0] = j.value(w) * Math.cos(w * t);
                    out[1] = -j.value(w) * Math.sin(w * t);
                }
            };
            QuadratureResult r = new GaussKronrod(f).integrate(List.of(Panel.lowerTail(-2), Panel.finite(-2, 3), Panel.upperTail(3)),
                    1e-11, 1e-11, 200_000);
            double re = 0;
            double im = 0;
            for (ExponentialTerm e : j.kernel()) {
                double mag = Math.exp(-e.rateRe() * t);
                double c = Math.cos(e.rateIm() * t) * mag;
                double s = -Math.sin(e.rateIm() * t) * mag;
                re += e.amplitudeRe() * c - e.amplitudeIm() * s;
                im += e.amplitudeRe() * s + e.amplitudeIm() * c;
            }
            assertEquals(re, r.values()[0], 1e-7, "Re f(" + t + ")");
            assertEquals(im, r.values()[1], 1e-7, "Im f(" + t + ")");
        }
    }

    @Test
    void badParametersNameTheirField() {
        var e = assertThrows(InvalidModelException.class, () -> new Lorentzian(1, 0, 1));
        assertEquals("width", e.field());
        assertThrows(InvalidModelException.class, () -> new Lorentzian(1, Double.NaN, 1));
        assertThrows(InvalidModelException.class, () -> new BoseEinstein(-1, FrequencySupport.WHOLE_LINE));
        assertThrows(InvalidModelException.class, () -> new DrudeLorentz(1, -2));
    }
}
