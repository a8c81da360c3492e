package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several Hermitian channels of one reservoir share its modes: with spectral densities J and 4J (cross density
 * sqrt(J * 4J) = 2J) the bath couples through A1 + 2 A2 with density J, so the hierarchy must equal the one built on
 * that single channel (the cross-correlations are kept, not dropped); channels of different shapes are refused.
 */
class SharedBathTest {

    private static OpenSystem withChannels(List<Channel> channels) {
        ComplexMatrix h = HeomModels.on("q1", Operators.sigmaZ()).scale(0.5).plus(HeomModels.on("q2", Operators.sigmaZ()).scale(0.6))
                .plus(HeomModels.on("q1", Operators.sigmaX()).times(HeomModels.on("q2", Operators.sigmaX())).scale(0.1));
        Reservoir common = new Reservoir("common", ThermalOccupation.bose(1), channels);
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(HeomModels.TWO_QUBITS, 0, 1));
        return new OpenSystem(HeomModels.TWO_QUBITS, h, List.of(common), rho0, List.of(), List.of(), null);
    }

    @Test
    void proportionalChannelsKeepTheirCrossCorrelations() {
        ComplexMatrix a1 = HeomModels.on("q1", Operators.sigmaX());
        ComplexMatrix a2 = HeomModels.on("q2", Operators.sigmaX());
        OpenSystem two = withChannels(List.of(new Channel(Channel.Kind.HERMITIAN, a1, new DrudeLorentz(0.05, 2)),
                new Channel(Channel.Kind.HERMITIAN, a2, new DrudeLorentz(0.2, 2))));
        OpenSystem one = withChannels(List.of(new Channel(Channel.Kind.HERMITIAN, a1.plus(a2.scale(2)),
                new DrudeLorentz(0.05, 2))));
        HeomOptions options = new HeomOptions(3, 1, null, true, 1e-6, 1L << 30);
        var a = Heom.singleLevel(two, 3, 1, options, CorrelationSource.BATH_CORRELATIONS).observables();
        var b = Heom.singleLevel(one, 3, 1, options, CorrelationSource.BATH_CORRELATIONS).observables();
        b.values().forEach((name, e) -> assertEquals(e.value(), a.value(name), 1e-12, name));
        // without the cross term (two independent baths) the state differs visibly
        OpenSystem separate = new OpenSystem(HeomModels.TWO_QUBITS, two.hamiltonian(), List.of(
                new Reservoir("c1", ThermalOccupation.bose(1), List.of(two.reservoirs().get(0).channels().get(0))),
                new Reservoir("c2", ThermalOccupation.bose(1), List.of(two.reservoirs().get(0).channels().get(1)))),
                two.initialState(), List.of(), List.of(), null);
        var c = Heom.singleLevel(separate, 3, 1, options, CorrelationSource.BATH_CORRELATIONS).observables();
        assertTrue(Math.abs(c.value("coherence_l1") - a.value("coherence_l1")) > 1e-4);
    }

    @Test
    void channelsOfDifferentShapesAreRefused() {
        OpenSystem s = withChannels(List.of(
                new Channel(Channel.Kind.HERMITIAN, HeomModels.on("q1", Operators.sigmaX()), new DrudeLorentz(0.05, 2)),
                new Channel(Channel.Kind.HERMITIAN, HeomModels.on("q2", Operators.sigmaX()), new DrudeLorentz(0.05, 1))));
        var e = assertThrows(InvalidModelException.class,
                () -> Heom.steadyState(s, HeomOptions.DEFAULT, CorrelationSource.BATH_CORRELATIONS));
        assertEquals("baths.common.coupling", e.field());
        assertTrue(e.getMessage().contains("one shape"), e.getMessage());
    }
}
