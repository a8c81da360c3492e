package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.models.MultiplexedModel;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The split of a hierarchy into conserved sectors: the sectors found, the combined steady state against the sectors
 * solved one by one as separate models, and the refusals.
 */
class ConservedSectorsTest {
    private static final HilbertSpace SWITCHED = HilbertSpace.of(Subsystem.qubit("switch"), Subsystem.qubit("work"));
    private static final HeomOptions FIXED = new HeomOptions(3, 1, null, true, 1e-6, 1L << 30);
    private static final double C = 0.5;
    private static final double P_UP = 0.7;

    private static ComplexMatrix on(String name, ComplexMatrix local) {
        return Operators.embed(SWITCHED, name, local);
    }

    /**
     * A working qubit between a hot and a cold Drude-Lorentz bath, and a switch qubit that only shifts the hot
     * coupling by +-C through its sigma_z (like the multiplexed preset's input spin): two copies of the qubit problem
     * H = w/2 sz, hot coupling (+-C + sx), cold coupling sx, with weights P_UP and 1 - P_UP.
     */
    private static OpenSystem switched(ComplexMatrix switchState) {
        ComplexMatrix h = on("switch", Operators.sigmaZ()).scale(0.65).plus(on("work", Operators.sigmaZ()).scale(0.5));
        Reservoir hot = new Reservoir("hot", ThermalOccupation.bose(2), List.of(new Channel(Channel.Kind.HERMITIAN,
                on("switch", Operators.sigmaZ()).scale(C).plus(on("work", Operators.sigmaX())), new DrudeLorentz(0.05, 2))));
        Reservoir cold = new Reservoir("cold", ThermalOccupation.bose(1), List.of(new Channel(Channel.Kind.HERMITIAN,
                on("work", Operators.sigmaX()), new DrudeLorentz(0.05, 2))));
        ComplexMatrix rho0 = switchState.kron(Operators.projector(Operators.basisKet(2, 1)));
        return new OpenSystem(SWITCHED, h, List.of(hot, cold), rho0,
                List.of(new NamedOperator("sigma_x_work", on("work", Operators.sigmaX())),
                        new NamedOperator("sigma_y_work", on("work", Operators.sigmaY())),
                        new NamedOperator("sigma_z_work", on("work", Operators.sigmaZ())),
                        new NamedOperator("sigma_z_switch", on("switch", Operators.sigmaZ()))), List.of(), null);
    }

    /** The working qubit alone with the hot coupling shifted by s C: one sector of the switched model. */
    private static OpenSystem copy(double sign) {
        HilbertSpace q = HilbertSpace.of(Subsystem.qubit("work"));
        ComplexMatrix one = Operators.identity(2);
        Reservoir hot = new Reservoir("hot", ThermalOccupation.bose(2), List.of(new Channel(Channel.Kind.HERMITIAN,
                one.scale(sign * C).plus(Operators.sigmaX()), new DrudeLorentz(0.05, 2))));
        Reservoir cold = new Reservoir("cold", ThermalOccupation.bose(1), List.of(new Channel(Channel.Kind.HERMITIAN,
                Operators.sigmaX(), new DrudeLorentz(0.05, 2))));
        return new OpenSystem(q, Operators.sigmaZ().scale(0.5), List.of(hot, cold),
                Operators.projector(Operators.basisKet(2, 1)),
                List.of(new NamedOperator("sigma_x_work", Operators.sigmaX()),
                        new NamedOperator("sigma_y_work", Operators.sigmaY()),
                        new NamedOperator("sigma_z_work", Operators.sigmaZ())), List.of(), null);
    }

    private static ComplexMatrix switchMixture() {
        return ComplexMatrix.diagonal(new double[] {P_UP, 1 - P_UP});
    }

    private static List<Integer> dimensions(ConservedSectors s) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < s.count(); j++) {
            out.add(s.dimension(j));
        }
        return out;
    }

    @Test
    void findsTheInputSectorsAndTheDarkSinglet() {
        ConservedSectors one = ConservedSectors.of(MultiplexedModel.DEFAULTS.toSystem());
        assertEquals(List.of(2, 2), dimensions(one));
        // thermal input at beta omega1 = 2: weights (1 -+ tanh 1)/2, the input down (lower energy) first
        OpenSystem s = MultiplexedModel.DEFAULTS.toSystem();
        assertEquals((1 + Math.tanh(1)) / 2, one.weight(0, s.initialState()), 1e-12);
        assertEquals((1 - Math.tanh(1)) / 2, one.weight(1, s.initialState()), 1e-12);
        assertEquals(0, one.coherenceBetweenSectors(s.initialState()), 1e-15);
        // two inputs (spin 1) and two identical outputs: per J_z value the output triplet and the dark singlet
        MultiplexedModel two = new MultiplexedModel(2, 0, 2, 1, 1, 1, 0.1, 0.1, 0, 0, 0.01, 10, 1, 0.5,
                MultiplexedModel.InputState.THERMAL);
        ConservedSectors six = ConservedSectors.of(two.toSystem());
        List<Integer> dims = dimensions(six);
        assertEquals(6, dims.size(), dims.toString());
        assertEquals(3, dims.stream().filter(d -> d == 3).count(), dims.toString());
        assertEquals(3, dims.stream().filter(d -> d == 1).count(), dims.toString());
        double total = 0;
        for (int j = 0; j < six.count(); j++) {
            total += six.weight(j, two.toSystem().initialState());
        }
        assertEquals(1, total, 1e-12);
        // nothing conserved: one sector
        assertEquals(1, ConservedSectors.of(HeomModels.twoQubits(1, 1.1, 0.1, 0.1, 2, 2, 1)).count());
    }

    @Test
    void twoCopiesOfAQubitProblemAreSolvedSeparately() {
        OpenSystem system = switched(switchMixture());
        assertEquals(List.of(2, 2), dimensions(ConservedSectors.of(system)));
        HeomSteadyState combined = Heom.steadyState(system, FIXED, CorrelationSource.BATH_CORRELATIONS);
        HeomSteadyState up = Heom.steadyState(copy(1), FIXED, CorrelationSource.BATH_CORRELATIONS);
        HeomSteadyState down = Heom.steadyState(copy(-1), FIXED, CorrelationSource.BATH_CORRELATIONS);
        assertEquals(2, combined.hierarchy().sectors());
        assertEquals(1, up.hierarchy().sectors());
        ObservableSet c = combined.observables();
        for (String name : new String[] {"sigma_x_work", "sigma_y_work", "sigma_z_work", "energy_current.hot", "energy_current.cold"}) {
            double expected = P_UP * up.observables().value(name) + (1 - P_UP) * down.observables().value(name);
            assertEquals(expected, c.value(name), 1e-10, name);
            double error = P_UP * up.observables().error(name) + (1 - P_UP) * down.observables().error(name);
            assertEquals(error, c.error(name), 1e-12 + 1e-9 * error, name + " error");
        }
        // the copies differ (else the test could not tell a wrong weight); a current flows hot -> cold
        assertTrue(Math.abs(up.observables().value("sigma_x_work") - down.observables().value("sigma_x_work")) > 1e-3);
        assertTrue(c.value("energy_current.hot") > 1e-4, c.toString());
        assertEquals(0, c.value("energy_current.hot") + c.value("energy_current.cold"), 1e-9);
        // the switch is conserved
        assertEquals(2 * P_UP - 1, c.value("sigma_z_switch"), 1e-12);
        // a non-linear observable from the combined density matrix: sum_{a != b} |rho_ab| in the bare basis is the
        // weighted sum of the copies' |<sigma_x> - i <sigma_y>| (their one off-diagonal pair, (<sx> -+ i <sy>)/2)
        double l1 = P_UP * Math.hypot(up.observables().value("sigma_x_work"), up.observables().value("sigma_y_work"))
                + (1 - P_UP) * Math.hypot(down.observables().value("sigma_x_work"), down.observables().value("sigma_y_work"));
        assertEquals(l1, c.value("coherence_l1_bare"), 1e-10);
        assertTrue(combined.notes().get(0).contains("projection of the initial state onto them"), combined.notes().get(0));
        assertEquals(up.hierarchy().ados() + down.hierarchy().ados(), combined.hierarchy().ados());
    }

    @Test
    void anEmptySectorIsNotSolvedAndTheRestIsThatCopy() {
        OpenSystem system = switched(ComplexMatrix.diagonal(new double[] {1, 0}));
        HeomSteadyState combined = Heom.steadyState(system, FIXED, CorrelationSource.BATH_CORRELATIONS);
        HeomSteadyState up = Heom.steadyState(copy(1), FIXED, CorrelationSource.BATH_CORRELATIONS);
        assertEquals(up.observables().value("sigma_x_work"), combined.observables().value("sigma_x_work"), 1e-10);
        assertEquals(up.hierarchy().ados(), combined.hierarchy().ados());
    }

    @Test
    void refusesCoherenceBetweenSectorsInTheInitialState() {
        ComplexMatrix plus = Operators.identity(2).plus(Operators.sigmaX()).scale(0.5);
        var e = assertThrows(InvalidModelException.class,
                () -> Heom.steadyState(switched(plus), FIXED, CorrelationSource.BATH_CORRELATIONS));
        assertEquals("steady_state", e.field());
        assertTrue(e.getMessage().contains("2 conserved sectors") && e.getMessage().contains("coherent run"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
