package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.EngineOptions;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import io.coherent.core.models.CompositeQubitModel.Coupling;
import io.coherent.core.observables.Estimate;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the leading-order closed forms at sub-Ohmic exponents, where J(w)/w ~ w^(s-1) is singular at w = 0.
 * References: the exact T = 0 value of model 2, -2 f1 f2 lambda Omega Gamma(s)/omega0, and 40-digit mpmath
 * quadratures (fixtures/accuracy/make_leading_order_references.py). Each printed error estimate must cover
 * the real error, and the method must honour quadrature_tolerance.
 */
class LeadingOrderAccuracyTest {

    private static CompositeQubitModel model(int number, double s, double t) {
        return new CompositeQubitModel(1, 1, 1, 0.01, 5, s, t, Coupling.of(number));
    }

    @Test
    void model2AtZeroTemperatureIsTheGammaFunctionClosedForm() {
        for (double s : new double[] {0.1, 0.3, 0.5, 2.5}) {
            double exact = -2 * 0.01 * 5 * Gamma.gamma(s);
            Estimate v1 = model(2, s, 0).leadingOrderCoherence();
            double real = Math.abs(v1.value() - exact);
            assertTrue(real <= v1.error() + 1e-14 * Math.abs(exact), "s = " + s + ": error " + real + " > estimate " + v1.error());
            assertTrue(real < 1e-9 * Math.abs(exact), "s = " + s + ": " + v1.value() + " vs " + exact);
        }
    }

    @Test
    void subOhmicValuesMatchHighPrecisionQuadratureWithinTheirEstimates() throws IOException {
        for (double[] row : references()) {
            CompositeQubitModel m = model((int) row[0], row[1], row[2]);
            Estimate v1 = m.leadingOrderCoherence();
            double real = Math.abs(v1.value() - row[3]);
            String at = "model " + (int) row[0] + ", s = " + row[1] + ", T = " + row[2];
            assertTrue(real <= v1.error() + 1e-14 * Math.abs(row[3]), at + ": error " + real + " > estimate " + v1.error());
            assertTrue(real < 1e-9 * Math.abs(row[3]), at + ": " + v1.value() + " vs " + row[3]);
        }
    }

    @Test
    void multiplexedSelfInducedCoherenceIsModel1AndAccurateForSubOhmicBaths() throws IOException {
        for (double[] row : references()) {
            if (row[0] != 1) {
                continue;
            }
            MultiplexedModel m = new MultiplexedModel(1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0.01, 5, row[1], row[2],
                    MultiplexedModel.InputState.THERMAL);
            Estimate self = m.selfInducedCoherence();
            double real = Math.abs(self.value() - row[3]);
            assertTrue(real <= self.error() + 1e-14 * Math.abs(row[3]), "s = " + row[1] + ", T = " + row[2] + ": " + real);
            assertTrue(real < 1e-9 * Math.abs(row[3]));
        }
    }

    @Test
    void theMethodHonoursQuadratureTolerance() {
        CompositeQubitModel m = model(2, 0.3, 0.5);
        double reference = -0.1199574361554128845;
        for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
            QuadratureTolerance q = new QuadratureTolerance(tol, tol, 400_000);
            SteadyStateReport r = Engines.steadyState(m, Method.LEADING_ORDER, new EngineOptions(q, q, null));
            Estimate v1 = r.observables().values().get("v1");
            double real = Math.abs(v1.value() - reference);
            assertTrue(real <= v1.error() + 1e-15, "tol " + tol + ": error " + real + " > estimate " + v1.error());
            assertTrue(v1.error() <= Math.max(tol * 0.01, tol * Math.abs(reference)) * 1.0001,
                    "tol " + tol + ": estimate " + v1.error());
        }
        QuadratureTolerance loose = new QuadratureTolerance(1e-3, 1e-3, 400_000);
        QuadratureTolerance tight = new QuadratureTolerance(1e-12, 1e-12, 400_000);
        assertTrue(m.leadingOrderCoherence(loose).error() > m.leadingOrderCoherence(tight).error());
    }

    /** Rows model, s, T, v1 of the mpmath fixture. */
    private static List<double[]> references() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = LeadingOrderAccuracyTest.class.getResourceAsStream("/fixtures/accuracy/leading_order_references.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])});
            }
        }
        return rows;
    }
}
