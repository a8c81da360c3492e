package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The local Lindblad equation against QuTiP (issue 15: it had no outside reference): steady states of four two-atom
 * configurations and a trajectory from |gg>, from collapse operators built on the local Hamiltonian by
 * fixtures/master/make_local_lindblad_fixture.py (QuTiP 4.7.1 steadystate and mesolve), including the heat current
 * between two baths at the same temperature that the local approach is known for.
 */
class LocalLindbladFixtureTest {
    private static final String FILE = "two_atoms_local_lindblad.csv";

    @Test
    void steadyStatesAndCurrentsMatchQutip() {
        int compared = 0;
        for (Map<String, String> row : MasterFixtures.read(FILE)) {
            if (!row.get("t").equals("inf")) {
                continue;
            }
            TwoAtomsModel m = PaperModelsMasterEquationTest.twoAtoms(row);
            MasterSteadyState ss = MasterEquations.steadyState(m.toSystem(), Method.LOCAL_LINDBLAD,
                    MasterEquationOptions.DEFAULT);
            String where = "local-lindblad " + m;
            assertTrue(ss.unique(), where + ": " + ss.notes());
            PaperModelsMasterEquationTest.assertTwoAtomElements(m, MasterFixtures.densityMatrix(row), ss.observables(),
                    1e-9, where);
            assertEquals(MasterFixtures.number(row, "current_a"), ss.observables().value("energy_current.a"), 1e-8, where);
            assertEquals(MasterFixtures.number(row, "current_b"), ss.observables().value("energy_current.b"), 1e-8, where);
            compared++;
        }
        assertEquals(4, compared);
    }

    @Test
    void theTrajectoryFromTheGroundStateMatchesQutip() {
        List<Map<String, String>> rows = MasterFixtures.read(FILE).stream().filter(r -> !r.get("t").equals("inf")).toList();
        assertEquals(21, rows.size());
        TwoAtomsModel m = PaperModelsMasterEquationTest.twoAtoms(rows.get(0));
        PaperModelsMasterEquationTest.assertTrajectory(FILE, rows, m.toSystem(), Method.LOCAL_LINDBLAD, (rho, o, where) -> {
            PaperModelsMasterEquationTest.assertTwoAtomElements(m, rho, o, 1e-8, where);
        });
    }
}
