package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact dynamics against fixtures made by other programs (src/test/resources/fixtures, scripts beside them):
 * QuTiP mesolve with the pseudomode embedding at T = 0, and a finite discretised bath evolved exactly
 * (numpy/scipy) at finite temperature, whose accuracy the fixture README states.
 */
class FixtureDynamicsTest {

    static List<Arguments> fixtures() {
        return List.of(
                Arguments.of("pc_T0_default.csv", new PartialCollectiveModel(1, 1, 1, 1, 0.1, Math.PI / 8, 0, -Math.PI / 4), 1e-8),
                Arguments.of("pc_T0_detuned.csv", new PartialCollectiveModel(1, 1.3, 1.1, 0.8, 0.5, 0.6, 0, 0.3), 1e-8),
                Arguments.of("pc_T1_bath.csv", new PartialCollectiveModel(1, 1, 1, 1, 0.5, Math.PI / 8, 1, -Math.PI / 4), 1e-6),
                Arguments.of("pc_T05_detuned_bath.csv", new PartialCollectiveModel(1, 1.3, 1.1, 0.8, 0.5, 0.6, 0.5, 0.3), 1e-6));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void exactDynamicsMatchesIndependentFixture(String file, PartialCollectiveModel parameters, double tolerance) throws IOException {
        List<double[]> rows = read(file);
        String[] names = {"Jx", "Jy", "Jz", "n1", "n2"};
        ExactDynamics g = new ExactDynamics(parameters.toModel(), new QuadratureTolerance(1e-9, 1e-9, 400_000));
        var integrator = new DormandPrince853Integrator(1e-10, 10, 1e-12, 1e-12);
        OrdinaryDifferentialEquation ode = new GeneratorOde(g);
        ODEState state = new ODEState(0, g.initialState());
        double worst = 0;
        int stride = Math.max(1, rows.size() / 60);
        for (int r = 0; r < rows.size(); r += stride) {
            double[] row = rows.get(r);
            if (row[0] > state.getTime()) {
                ODEStateAndDerivative s = integrator.integrate(ode, state, row[0]);
                state = new ODEState(s.getTime(), s.getPrimaryState());
            }
            ObservableSet o = g.observe(row[0], state.getPrimaryState());
            for (int k = 0; k < names.length; k++) {
                double diff = Math.abs(o.value(names[k]) - row[k + 1]);
                worst = Math.max(worst, diff);
                assertEquals(row[k + 1], o.value(names[k]), tolerance, names[k] + " at t=" + row[0] + " in " + file);
            }
        }
        assertTrue(worst < tolerance);
    }

    private static List<double[]> read(String file) throws IOException {
        var in = Objects.requireNonNull(FixtureDynamicsTest.class.getResourceAsStream("/fixtures/" + file), file);
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            assertEquals("t,Jx,Jy,Jz,n1,n2", header);
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    double[] v = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        v[i] = Double.parseDouble(f[i]);
                    }
                    rows.add(v);
                }
            }
        }
        return rows;
    }
}
