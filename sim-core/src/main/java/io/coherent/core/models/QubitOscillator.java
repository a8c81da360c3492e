package io.coherent.core.models;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.FiniteModel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;

/**
 * A qubit and a truncated oscillator (Fock levels 0..cutoff, d = 2 (cutoff + 1)) in the non-RWA Rabi coupling,
 * H = 0.55 sz + a^+a + 0.05 sx (a + a^+) (no conserved excitation number), with an Ohmic bath
 * (J = lambda w e^{-w/5}) on the qubit's sx at tQubit and one on the oscillator's a + a^+ at tOscillator; the
 * qubit starts excited, the oscillator empty. The reference model for the direct steady state at large d: the
 * iterative solver's tests and its benchmark against QuTiP (bench/qutip/steady_qutip.py builds the same model).
 */
public record QubitOscillator(int cutoff, double lambda, double tQubit, double tOscillator) implements FiniteModel {

    @Override
    public OpenSystem toSystem() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"), Subsystem.oscillator("a", cutoff));
        ComplexMatrix a = Operators.embed(space, "a", Operators.annihilation(cutoff));
        ComplexMatrix sx = Operators.embed(space, "q", Operators.sigmaX());
        ComplexMatrix x = a.plus(a.conjugateTranspose());
        ComplexMatrix h = Operators.embed(space, "q", Operators.sigmaZ()).scale(0.55)
                .plus(a.conjugateTranspose().times(a)).plus(sx.times(x).scale(0.05));
        OhmicFamily j = new OhmicFamily(lambda, 1, 5);
        List<Reservoir> baths = List.of(
                new Reservoir("qubit", ThermalOccupation.bose(tQubit), List.of(new Channel(Channel.Kind.HERMITIAN, sx, j))),
                new Reservoir("cavity", ThermalOccupation.bose(tOscillator), List.of(new Channel(Channel.Kind.HERMITIAN, x, j))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 0));
        return new OpenSystem(space, h, baths, rho0, List.of(), List.of(), null);
    }
}
