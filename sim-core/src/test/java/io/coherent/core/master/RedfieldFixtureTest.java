package io.coherent.core.master;

import static io.coherent.core.master.MasterModels.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * Non-secular Redfield trajectory against QuTiP 4.7 brmesolve (use_secular=False), fixture
 * fixtures/master/redfield_two_qubits.csv made by make_redfield_fixture.py (model in its docstring). QuTiP solves
 * to rtol 1e-10 and we to 1e-11, so the fixture is matched to 1e-8 in every density-matrix element. This also
 * pins the basis convention (|e> = index 0) and the operator ordering of the tensor product.
 */
class RedfieldFixtureTest {

    static OpenSystem fixtureModel() {
        ComplexMatrix h = MasterModels.twoQubitHamiltonian(1.0, 1.2, 0.15);
        OhmicFamily j = new OhmicFamily(0.02, 1, 5);
        ComplexMatrix up = Operators.basisKet(2, 0);
        ComplexMatrix plus = Operators.basisKet(2, 0).plus(Operators.basisKet(2, 1)).scale(Math.sqrt(0.5));
        ComplexMatrix rho0 = Operators.projector(up.kron(plus));
        return MasterModels.system(MasterModels.TWO_QUBITS, h, List.of(
                MasterModels.hermitianBath("hot", 1.5, on("q1", Operators.sigmaX()).plus(on("q1", Operators.sigmaZ()).scale(0.5)), j),
                MasterModels.hermitianBath("cold", 0.3, on("q2", Operators.sigmaX()), j)), rho0);
    }

    private static List<double[]> fixture() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (var in = RedfieldFixtureTest.class.getResourceAsStream("/fixtures/master/redfield_two_qubits.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] parts = line.split(",");
                double[] row = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    row[i] = Double.parseDouble(parts[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void trajectoryMatchesQutipBrmesolve() throws IOException {
        List<double[]> rows = fixture();
        assertEquals(201, rows.size());
        MasterEquationGenerator g = MasterEquations.build(fixtureModel(), Method.REDFIELD, MasterEquationOptions.DEFAULT);
        var integrator = new DormandPrince853Integrator(1e-9, 10, 1e-12, 1e-11);
        var ode = new GeneratorOde(g);
        ODEStateAndDerivative state = null;
        double[] y = g.initialState();
        double t = 0;
        double worst = 0;
        for (double[] row : rows) {
            if (row[0] > t) {
                state = integrator.integrate(ode, new ODEState(t, y), row[0]);
                y = state.getPrimaryState();
                t = row[0];
            }
            ComplexMatrix bare = MasterModels.bare(g, y);
            for (int i = 0; i < 4; i++) {
                for (int k = 0; k < 4; k++) {
                    worst = Math.max(worst, Math.abs(bare.re(i, k) - row[1 + 4 * i + k]));
                    worst = Math.max(worst, Math.abs(bare.im(i, k) - row[17 + 4 * i + k]));
                }
            }
        }
        assertTrue(worst < 1e-8, "max |rho - rho_qutip| = " + worst);
        // the trajectory is not trivial: the final state is far from the initial one
        assertTrue(Math.abs(rows.get(200)[1 + 15] - rows.get(0)[1 + 15]) > 0.3);
    }
}
