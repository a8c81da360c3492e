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
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.heom.CorrelationSource;
import io.coherent.core.heom.Heom;
import io.coherent.core.heom.HeomSteadyState;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.FiniteModel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which engine computes a method on a model: the exact coefficient equations for bilinear bosonic
 * models, master equations (closed on the second moments for bilinear models, on the density matrix
 * for finite open systems), and the papers' leading-order closed forms ({@link LeadingOrderTheory}, a
 * steady state only). A method that does not apply is refused with one line naming {@code method}.
 */
public final class Engines {

    /** Two frequencies count as equal for the secular and local-Lindblad projections within this tolerance. */
    private static final double SECULAR_TOLERANCE = 1e-9;

    /**
     * A closed form counts as converged when its quadrature error is below this fraction of its value:
     * six digits, far below the O(lambda) relative truncation error of the perturbation theory itself.
     */
    private static final double CLOSED_FORM_RELATIVE_ERROR = 1e-6;

    private Engines() {
    }

    /** Builds what the method needs once, so that a scenario that cannot run fails at load time. */
    public static void check(Model model, Method method, EngineOptions options) {
        if (method == Method.LEADING_ORDER) {
            leadingOrder(model);
            return;
        }
        if (method == Method.EXACT) {
            PseudoModeEmbedding.check(bilinear(model, method));
            return;
        }
        if (method == Method.HEOM) {
            Heom.check(hierarchical(model), options.heom(), CorrelationSource.BATH_CORRELATIONS);
            return;
        }
        generator(model, method, options);
    }

    /**
     * @throws InvalidModelException (naming {@code method}) for leading-order, which has no dynamics, and for
     *                               a method that does not apply to the model
     */
    public static Generator generator(Model model, Method method, EngineOptions options) {
        if (method == Method.LEADING_ORDER) {
            leadingOrder(model);
            throw new InvalidModelException("method", "method = leading-order is the papers' O(lambda) equilibrium in "
                    + "closed form, a steady state without dynamics: use it with coherent steady or sweep --steady, "
                    + "and redfield for a trajectory");
        }
        if (method == Method.EXACT) {
            return new ExactDynamics(bilinear(model, method), options.trajectoryQuadrature());
        }
        if (method == Method.HEOM) {
            return Heom.trajectory(hierarchical(model), options.heom(), CorrelationSource.BATH_CORRELATIONS);
        }
        if (model instanceof BilinearModel b) {
            return SecondMomentMasterEquation.generator(b, method, master(b.baths().stream().map(Bath::spectralDensity), options, options.trajectoryQuadrature()));
        }
        OpenSystem system = finite(model);
        return MasterEquations.generator(system, method, master(densities(system), options, options.trajectoryQuadrature()));
    }

    /**
     * The observables a steady state of this method reports, in order (those of its generator; for
     * leading-order, those of the closed forms).
     */
    public static List<String> observableNames(Model model, Method method, EngineOptions options) {
        if (method == Method.LEADING_ORDER) {
            return List.copyOf(leadingOrder(model).leadingOrderObservables(options.steadyQuadrature()).values().keySet());
        }
        if (method == Method.HEOM) {
            return Heom.observableNames(hierarchical(model), options.heom(), CorrelationSource.BATH_CORRELATIONS);
        }
        return generator(model, method, options).observableNames();
    }

    public static SteadyStateReport steadyState(Model model, Method method, EngineOptions options) {
        if (method == Method.LEADING_ORDER) {
            LeadingOrderTheory theory = leadingOrder(model);
            ObservableSet o = theory.leadingOrderObservables(options.steadyQuadrature());
            boolean converged = o.values().values().stream().allMatch(e -> Double.isFinite(e.value())
                    && e.error() <= CLOSED_FORM_RELATIVE_ERROR * Math.abs(e.value()) + Double.MIN_NORMAL);
            double error = o.values().values().stream().mapToDouble(Estimate::error).max().orElse(0);
            String truncation = "O(lambda) perturbation theory: the error estimates are quadrature errors only; the "
                    + "O(lambda^2) corrections are not estimated (relative size ~ lambda; compare redfield with the Lamb shift)";
            return new SteadyStateReport(method.id(), "leading-order closed forms: " + theory.leadingOrderSource(), o,
                    error, converged, 0, Double.NaN, !theory.leadingOrderDependsOnInitialState(), 0, false, -1,
                    List.of(truncation), "closed-form", -1);
        }
        if (method == Method.EXACT) {
            SteadyState s = new SteadyStateSolver(options.steadyQuadrature()).solve(bilinear(model, method));
            String how = s.scheme() == SteadyStateSolver.Scheme.RESIDUES
                    ? "frequency formula in closed form (residues at the poles of the model and of the Bose function)"
                    : "frequency formula (quadrature over the poles of the model)";
            return new SteadyStateReport(method.id(), how,
                    s.observables(), s.errorEstimate(), s.converged(), 0, bilinearRelaxation(s.relaxationTime()),
                    s.decoherenceFreeModes() == 0, s.decoherenceFreeModes(), s.timeAveraged(), s.evaluations(), s.notes(),
                    "frequency-formula", -1, null);
        }
        if (method == Method.HEOM) {
            HeomSteadyState s = Heom.steadyState(hierarchical(model), options.heom(), CorrelationSource.BATH_CORRELATIONS);
            double error = s.observables().values().values().stream().mapToDouble(Estimate::error).max().orElse(0);
            String how = "hierarchical equations of motion, L x = 0 on the whole hierarchy by GMRES with a block-ILU"
                    + " preconditioner (" + s.iterations() + " iterations), depth " + s.hierarchy().depth() + ", "
                    + s.hierarchy().exponents() + " exponents per bath, " + s.hierarchy().ados() + " auxiliary density operators";
            int sectors = s.hierarchy().sectors();
            if (sectors > 1) {
                how += " in " + sectors + " conserved sectors (the projection of the initial state)";
            }
            return new SteadyStateReport(method.id(), how, s.observables(), error, s.converged(), s.residual(), Double.NaN,
                    sectors == 1, sectors - 1, false, -1, s.notes(), "heom-gmres", s.iterations(), s.hierarchy());
        }
        if (model instanceof BilinearModel b) {
            SecondMomentSteadyState s = SecondMomentMasterEquation.steadyState(b, method,
                    master(b.baths().stream().map(Bath::spectralDensity), options, options.steadyQuadrature()));
            List<String> notes = new ArrayList<>();
            if (s.lambShiftError() > 0) {
                notes.add("Lamb-shift quadrature error " + s.lambShiftError());
            }
            return new SteadyStateReport(method.id(), "second-moment Lyapunov equation A N + N A^+ + F = 0",
                    s.observables(), s.errorEstimate(), s.quadratureConverged(), s.residual(),
                    bilinearRelaxation(s.relaxationTime()), s.unique(), s.decoherenceFreeModes(), s.timeAveraged(), -1,
                    notes, "lyapunov", -1, null);
        }
        OpenSystem system = finite(model);
        MasterSteadyState s = MasterEquations.steadyState(system, method, master(densities(system), options, options.steadyQuadrature()));
        double error = s.observables().values().values().stream().mapToDouble(Estimate::error).max().orElse(0);
        String how = s.solver().equals(MasterSteadyState.GMRES)
                ? "Liouvillian L rho = 0, Tr rho = 1 by GMRES with a Bohr-frequency block preconditioner (" + s.iterations()
                  + " iterations)"
                : "null space of the Liouvillian (dense SVD)";
        return new SteadyStateReport(method.id(), how, s.observables(), error, s.converged(), s.residual(),
                s.relaxationEstimate(), s.unique(), s.nullity() - 1, false, -1, s.notes(), s.solver(),
                s.iterations(), null);
    }

    /**
     * A bilinear model's relaxation time (the bright modes'), accuracy not estimated; when infinite, why: no mode the
     * baths reach decays (with Gamma = 0 none is reached), so the state never forgets its initial one.
     */
    private static RelaxationTime bilinearRelaxation(double tau) {
        if (Double.isInfinite(tau)) {
            return RelaxationTime.unestimated(tau, "no mode decays: the baths reach none of them, all are undamped;"
                    + " the steady state is the time average of the initial state's free evolution");
        }
        return RelaxationTime.unestimated(tau, "accuracy not estimated");
    }

    /** The Lamb shift as asked, or by default on except for a flat density (CorrelationSpectrum refuses it where the principal value diverges). */
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

    private static LeadingOrderTheory leadingOrder(Model model) {
        if (model instanceof LeadingOrderTheory t) {
            return t;
        }
        throw new InvalidModelException("method", "method = leading-order applies only to models whose paper gives "
                + "the leading-order equilibrium in closed form (the multiplexed and composite-qubit models); use "
                + (model instanceof BilinearModel ? "exact, " : "") + "redfield, secular or local-lindblad");
    }

    /** The finite system a hierarchy is built on; bilinear models have the exact engine instead. */
    private static OpenSystem hierarchical(Model model) {
        if (model instanceof BilinearModel) {
            throw new InvalidModelException("method", "method = heom applies to finite systems (the two-atoms, coupled-qubits,"
                    + " composite-qubit and multiplexed presets, model: finite); this bilinear model has the exact engine:"
                    + " use exact");
        }
        return finite(model);
    }

    private static OpenSystem finite(Model model) {
        if (model instanceof OpenSystem s) {
            return s;
        }
        if (model instanceof FiniteModel f) {
            return f.toSystem();
        }
        throw new IllegalArgumentException("unknown model type " + model.getClass().getSimpleName());
    }
}
