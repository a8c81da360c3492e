package io.coherent.core.methods;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bosonic.Bath;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PseudoModeEmbedding;
import io.coherent.core.bosonic.SecondMomentMasterEquation;
import io.coherent.core.bosonic.SecondMomentSteadyState;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.observables.Estimate;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which engine computes a method on a model: the exact coefficient equations for bilinear bosonic
 * models, and master equations (closed on the second moments for bilinear models, on the density matrix
 * for finite open systems). A method that does not apply is refused with one line naming {@code method}.
 */
public final class Engines {

    /** Two frequencies count as equal for the secular and local-Lindblad projections within this tolerance. */
    private static final double SECULAR_TOLERANCE = 1e-9;

    private Engines() {
    }

    /** Builds what the method needs once, so that a scenario that cannot run fails at load time. */
    public static void check(Model model, Method method, EngineOptions options) {
        if (method == Method.EXACT) {
            new PseudoModeEmbedding(bilinear(model, method));
            return;
        }
        generator(model, method, options);
    }

    public static Generator generator(Model model, Method method, EngineOptions options) {
        if (method == Method.EXACT) {
            return new ExactDynamics(bilinear(model, method), options.trajectoryQuadrature());
        }
        if (model instanceof BilinearModel b) {
            return SecondMomentMasterEquation.generator(b, method, master(b.baths().stream().map(Bath::spectralDensity), options, options.trajectoryQuadrature()));
        }
        OpenSystem system = finite(model);
        return MasterEquations.generator(system, method, master(densities(system), options, options.trajectoryQuadrature()));
    }

    public static SteadyStateReport steadyState(Model model, Method method, EngineOptions options) {
        if (method == Method.EXACT) {
            SteadyState s = new SteadyStateSolver(options.steadyQuadrature()).solve(bilinear(model, method));
            return new SteadyStateReport(method.id(), "frequency formula (quadrature over the poles of the model)",
                    s.observables(), s.errorEstimate(), s.converged(), 0, s.relaxationTime(),
                    s.decoherenceFreeModes() == 0, s.decoherenceFreeModes(), s.timeAveraged(), s.evaluations(), List.of());
        }
        if (model instanceof BilinearModel b) {
            SecondMomentSteadyState s = SecondMomentMasterEquation.steadyState(b, method,
                    master(b.baths().stream().map(Bath::spectralDensity), options, options.steadyQuadrature()));
            List<String> notes = new ArrayList<>();
            if (s.lambShiftError() > 0) {
                notes.add("Lamb-shift quadrature error " + s.lambShiftError());
            }
            return new SteadyStateReport(method.id(), "second-moment Lyapunov equation A N + N A^+ + F = 0",
                    s.observables(), s.errorEstimate(), s.quadratureConverged(), s.residual(), s.relaxationTime(),
                    s.unique(), s.decoherenceFreeModes(), s.timeAveraged(), -1, notes);
        }
        OpenSystem system = finite(model);
        MasterSteadyState s = MasterEquations.steadyState(system, method, master(densities(system), options, options.steadyQuadrature()));
        double error = s.observables().values().values().stream().mapToDouble(Estimate::error).max().orElse(0);
        return new SteadyStateReport(method.id(), "null space of the Liouvillian (dense SVD)", s.observables(), error,
                s.residual() < 1e-8, s.residual(), s.relaxationTime().orElse(Double.NaN), s.unique(),
                s.nullity() - 1, false, -1, s.notes());
    }

    /** The Lamb shift as asked, or by default wherever the principal value exists (not for a flat density). */
    private static boolean lambShift(EngineOptions options, Stream<SpectralDensity> densities) {
        if (options.lambShift() != null) {
            return options.lambShift();
        }
        return densities.noneMatch(j -> j instanceof Flat);
    }

    private static MasterEquationOptions master(Stream<SpectralDensity> densities, EngineOptions options,
                                                QuadratureTolerance q) {
        return new MasterEquationOptions(lambShift(options, densities), q, SECULAR_TOLERANCE);
    }

    private static Stream<SpectralDensity> densities(OpenSystem system) {
        return system.reservoirs().stream().map(Reservoir::channels).flatMap(List::stream).map(Channel::spectralDensity);
    }

    private static BilinearModel bilinear(Model model, Method method) {
        if (model instanceof BilinearModel b) {
            return b;
        }
        throw new InvalidModelException("method", "method = " + method.id()
                + " applies to bilinear bosonic models only; use redfield, secular or local-lindblad");
    }

    private static OpenSystem finite(Model model) {
        if (model instanceof OpenSystem s) {
            return s;
        }
        throw new IllegalArgumentException("unknown model type " + model.getClass().getSimpleName());
    }
}
