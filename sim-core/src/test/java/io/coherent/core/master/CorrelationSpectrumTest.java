package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.open.Channel;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationSpectrumTest {
    private static final QuadratureTolerance TIGHT = new QuadratureTolerance(1e-11, 1e-11, 400_000);

    private static CorrelationSpectrum ohmic(double lambda, double cutoff, double t) {
        return new CorrelationSpectrum(MasterModels.hermitianBath("b", t, Operators.sigmaX(), new OhmicFamily(lambda, 1, cutoff)));
    }

    @Test
    void detailedBalanceAndZeroFrequencyLimit() {
        double t = 0.7;
        CorrelationSpectrum s = ohmic(0.1, 3, t);
        for (double w : new double[] {0.01, 0.5, 2.0, 7.0}) {
            assertEquals(Math.exp(-w / t), s.gamma(0, 0, -w) / s.gamma(0, 0, w), 1e-12, "KMS at w=" + w);
        }
        // Ohmic s = 1: gamma(0) = 2 pi lambda T, the limit of the formula from both sides
        assertEquals(2 * Math.PI * 0.1 * t, s.gamma(0, 0, 0), 1e-15);
        assertEquals(s.gamma(0, 0, 0), s.gamma(0, 0, 1e-7), 1e-7);
        assertEquals(s.gamma(0, 0, 0), s.gamma(0, 0, -1e-7), 1e-7);
    }

    /** Exponential integral Ei(x) from its everywhere-convergent series (|x| &lt; 30 here). */
    private static double ei(double x) {
        double sum = 0;
        double term = 1;
        for (int k = 1; k < 200; k++) {
            term *= x / k;
            sum += term / k;
        }
        return 0.5772156649015329 + Math.log(Math.abs(x)) + sum;
    }

    @Test
    void lambShiftMatchesTheOhmicClosedFormAtZeroTemperature() {
        // T = 0, J = lambda w e^{-w/Omega}: S(w) = lambda [-Omega + w e^{-w/Omega} Ei(w/Omega)]
        double lambda = 0.1;
        double cutoff = 2;
        CorrelationSpectrum s = ohmic(lambda, cutoff, 0);
        for (double w : new double[] {1.0, -1.5, 0.3, 4.0}) {
            CorrelationSpectrum.LambShift ls = s.lambShift(w, TIGHT);
            double exact = lambda * (-cutoff + w * Math.exp(-w / cutoff) * ei(w / cutoff));
            assertTrue(ls.converged());
            assertEquals(exact, ls.values()[0], Math.max(1e-9, 10 * ls.errors()[0]), "w=" + w);
            assertTrue(ls.errors()[0] < 1e-8, "error estimate reported");
        }
        assertEquals(-lambda * cutoff, s.lambShift(0, TIGHT).values()[0], 1e-9);
    }

    @Test
    void subOhmicLambShiftsMatchHighPrecisionQuadratureWithinTheirEstimates() throws java.io.IOException {
        // issue 13: gamma(w') ~ |w'|^(s-1) (T > 0) or |w'|^s (T = 0) at w' = 0; references from mpmath at 40 digits
        // (fixtures/accuracy/make_lamb_shift_references.py)
        String text;
        try (var in = getClass().getResourceAsStream("/fixtures/accuracy/lamb_shift_references.tsv")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int rows = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            double sExp = Double.parseDouble(f[0]);
            double t = Double.parseDouble(f[1]);
            double w = Double.parseDouble(f[2]);
            double exact = Double.parseDouble(f[3]);
            CorrelationSpectrum spectrum = new CorrelationSpectrum(
                    MasterModels.hermitianBath("b", t, Operators.sigmaX(), new OhmicFamily(0.01, sExp, 5)));
            for (QuadratureTolerance q : List.of(QuadratureTolerance.STEADY_STATE, TIGHT)) {
                CorrelationSpectrum.LambShift ls = spectrum.lambShift(w, q);
                double real = Math.abs(ls.values()[0] - exact);
                String at = "s=" + sExp + " T=" + t + " w=" + w + " tol=" + q.absolute();
                assertTrue(ls.converged(), at);
                assertTrue(real <= ls.errors()[0] + 1e-15, at + ": error " + real + " > estimate " + ls.errors()[0]);
                assertTrue(ls.errors()[0] <= 2 * q.absolute(), at + ": estimate " + ls.errors()[0]);
            }
            rows++;
        }
        assertEquals(33, rows);
    }

    @Test
    void lambShiftErrorEstimateBoundsTheErrorAgainstATightQuadrature() {
        // T > 0: gamma(w') = 2 pi lambda w' e^{-|w'|/Omega} (n(w') + 1) has a kink at w' = 0 inside the folded panel;
        // the estimate at the steady-state default must still bound the error found with a 1e-14 quadrature
        // (unsplit, it was 1e4 times too small at w = -0.32)
        CorrelationSpectrum s = ohmic(0.01, 5, 1.0);
        QuadratureTolerance reference = new QuadratureTolerance(1e-14, 1e-14, 4_000_000);
        for (double w : new double[] {-8.09, -4.93, -3.24, -1.96, -0.319, 0.05, 0.99, 3.15, 7.19}) {
            CorrelationSpectrum.LambShift ls = s.lambShift(w, QuadratureTolerance.STEADY_STATE);
            double exact = s.lambShift(w, reference).values()[0];
            assertTrue(Math.abs(ls.values()[0] - exact) <= ls.errors()[0],
                    "w=" + w + ": error " + Math.abs(ls.values()[0] - exact) + " > estimate " + ls.errors()[0]);
        }
    }

    @Test
    void flatDensityRefusesTheLambShift() {
        Reservoir lead = new Reservoir("lead", new ThermalOccupation(ThermalOccupation.Statistics.FERMI, 1, 0),
                List.of(new Channel(Channel.Kind.EXCHANGE, Operators.sigmaMinus(), new Flat(0.1))));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new CorrelationSpectrum(lead).lambShift(1, TIGHT));
        assertEquals("lamb_shift", e.field());
    }

    @Test
    void exchangeSpectraFollowFermiStatistics() {
        double t = 0.5;
        double mu = 0.3;
        Reservoir lead = new Reservoir("lead", new ThermalOccupation(ThermalOccupation.Statistics.FERMI, t, mu),
                List.of(new Channel(Channel.Kind.EXCHANGE, Operators.sigmaMinus(), new Flat(0.2))));
        CorrelationSpectrum s = new CorrelationSpectrum(lead);
        double w = 1.1;
        double f = 1 / (Math.exp((w - mu) / t) + 1);
        // term 0 = L (RAISE), term 1 = L^+ (LOWER); emission into the lead at w: 2 pi J (1 - f), absorption at -w: 2 pi J f
        assertEquals(2 * Math.PI * 0.2 * (1 - f), s.gamma(1, 0, w), 1e-14);
        assertEquals(2 * Math.PI * 0.2 * f, s.gamma(0, 1, -w), 1e-14);
        assertEquals(0, s.gamma(0, 0, w));
    }
}
