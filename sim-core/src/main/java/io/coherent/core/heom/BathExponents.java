package io.coherent.core.heom;

import io.coherent.core.bath.CorrelationExpansion;
import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.ExchangeCorrelation;
import io.coherent.core.bath.ExpansionOptions;
import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reservoirs of an open system as the hierarchy sees them: a list of exponents, each with its rate gamma, the
 * system operator it raises the tier with (U) and the one it lowers it with (V), and the coefficients a, b of the
 * lowering term -i (a V rho - b rho V). For a bath with correlation matrix C_ab(s) = &lt;B_a(s) B_b(0)&gt; of
 * H_I = sum_a A_a (x) B_a, the second-order kernel -int ds [A_a, C_ab(s) A_b(-s) rho - C_ba(-s) rho A_b(-s)]
 * is reproduced exactly at every order by one hierarchy index per exponential of C_ab (Tanimura, J. Phys. Soc. Jpn.
 * 75, 082001 (2006); J. Chem. Phys. 153, 020901 (2020)):
 * <ul>
 *   <li>HERMITIAN, A (x) X: C(s) = sum eta e^{-gamma s}, C(s)^* = sum etaBar e^{-gamma s}; U = V = A, a = eta,
 *       b = etaBar.</li>
 *   <li>EXCHANGE (bosons), L B^+ + L^+ B: absorption C_in(s) = &lt;B^+(s)B&gt; and emission C_out(s) = &lt;B(s)B^+&gt;
 *       give two families, U = L, V = L^+ with a from C_in and b from C_out^*, and U = L^+, V = L with a from C_out
 *       and b from C_in^* (HierarchicalEOM.jl's BosonBathRWA).</li>
 *   <li>EXCHANGE (fermions): the same two families, with the fermionic sign rules (see {@link HeomGenerator}). The
 *       tunnelling operator L must be odd under a parity P of the system that H_S conserves (else refused). With one
 *       fermionic lead, whose operators commute with the system's in our tensor-product model, c~ = P c are fermions
 *       that anticommute with every odd system operator and L c^+ + L^+ c = -(c~^+ d + d^+ c~) with d = L P: that
 *       model is represented exactly, for any number of qubits. With several leads the hierarchy is the fermionic
 *       model in which all lead fermions anticommute (the physical one, whose current is Landauer's); then d = L, and
 *       the operators of different leads must be fermion operators of the system: the same level (a single qubit
 *       between two leads) or anticommuting levels (several qubits with their Jordan-Wigner strings,
 *       sz(a) * sm(b)); anything else is refused with one line.</li>
 * </ul>
 * Several channels of one reservoir share its modes, with cross densities sqrt(J_a J_b): their spectral densities
 * must have one shape, J_a = c_a^2 J, so that the bath couples through the single operator sum_a c_a A_a.
 */
final class BathExponents {
    /** Rates closer than this (relative) are one exponent when the two correlation functions are paired. */
    private static final double SAME_RATE = 1e-10;

    /** One exponent. */
    record Exponent(int bath, boolean fermionic, double rateRe, double rateIm, int upOperator, int downOperator,
                    double aRe, double aIm, double bRe, double bIm) {

        /** The scale s of the ADO normalisation: the larger coefficient. */
        double scale() {
            double s = Math.max(Math.hypot(aRe, aIm), Math.hypot(bRe, bIm));
            return s > 0 ? s : 1;
        }
    }

    /** A Markovian terminator term -[U, Da V rho - Db rho V] of one bath (Ishizaki-Tanimura). */
    record Terminator(int bath, int upOperator, int downOperator, double aRe, double aIm, double bRe, double bIm) {
    }

    /** What the report says of one bath's expansion. */
    record BathSummary(String name, String coupling, String scheme, int poles, int exponents, double error,
                       double integratedError, boolean terminator) {
    }

    /**
     * The expansions as the hierarchy report lists them, per bath: exponents, scheme, error (max |C - sum|, or the
     * integrated error where C(t) is singular at t = 0); and whether any bath carries a terminator.
     */
    record Expansions(Map<String, Integer> terms, Map<String, String> schemes, Map<String, Double> errors,
                      boolean terminated) {
    }

    Expansions expansions() {
        Map<String, Integer> terms = new LinkedHashMap<>();
        Map<String, String> schemes = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        boolean terminated = false;
        for (BathSummary b : summaries) {
            terms.put(b.name(), b.exponents());
            schemes.put(b.name(), b.scheme());
            errors.put(b.name(), Double.isFinite(b.error()) ? b.error() : b.integratedError());
            terminated |= b.terminator();
        }
        return new Expansions(terms, schemes, errors, terminated);
    }

    final double[] energies;
    final ComplexMatrix basis;
    /** Parity (0 even, 1 odd) of each eigenvector; all 0 without fermionic baths. */
    final int[] parity;
    final List<SparseOperator> operators = new ArrayList<>();
    final List<Boolean> operatorFermionic = new ArrayList<>();
    final List<Exponent> exponents = new ArrayList<>();
    final List<Terminator> terminators = new ArrayList<>();
    final List<BathSummary> summaries = new ArrayList<>();

    BathExponents(OpenSystem system, int poles, ExpansionScheme requested, boolean terminator, CorrelationSource source) {
        int d = system.dimension();
        List<Reservoir> reservoirs = system.reservoirs();
        List<ComplexMatrix> couplings = new ArrayList<>();
        List<SpectralDensity> densities = new ArrayList<>();
        boolean fermions = false;
        for (Reservoir r : reservoirs) {
            SpectralDensity j = reference(r);
            densities.add(j);
            couplings.add(combined(r, j, d));
            fermions |= r.occupation().statistics() == ThermalOccupation.Statistics.FERMI;
        }
        int[] bareParity = fermions ? Grading.of(system, couplings) : new int[d];
        int fermionicReservoirs = (int) reservoirs.stream()
                .filter(r -> r.occupation().statistics() == ThermalOccupation.Statistics.FERMI).count();
        if (fermionicReservoirs > 1) {
            checkFermionAlgebra(reservoirs, couplings);
        }
        HermitianEigen eig = HermitianEigen.of(system.hamiltonian());
        ComplexMatrix u = fermions ? Grading.adapted(eig, bareParity) : eig.vectors();
        energies = eig.values();
        basis = u;
        parity = Grading.parities(u, bareParity);
        ComplexMatrix paritySign = ComplexMatrix.diagonal(signs(bareParity));
        ComplexMatrix uh = u.conjugateTranspose();
        for (int k = 0; k < reservoirs.size(); k++) {
            Reservoir r = reservoirs.get(k);
            SpectralDensity j = densities.get(k);
            ExpansionScheme scheme = requested == null ? ExpansionScheme.PADE : requested;
            if (j instanceof OhmicFamily) {
                scheme = ExpansionScheme.FIT;
            }
            boolean fermi = r.occupation().statistics() == ThermalOccupation.Statistics.FERMI;
            boolean terminate = terminator && !fermi;
            ExpansionOptions options = new ExpansionOptions(scheme, poles, terminate);
            Channel.Kind kind = r.channels().get(0).kind();
            String field = "baths." + r.name() + ".spectral_density";
            if (kind == Channel.Kind.HERMITIAN) {
                int q = operator(uh.times(couplings.get(k)).times(u), false);
                CorrelationExpansion c = source.hermitian(j, r.occupation().temperature(), options);
                for (CorrelationTerm t : c.terms()) {
                    add(new Exponent(k, false, t.rateRe(), t.rateIm(), q, q, t.etaRe(), t.etaIm(), t.etaBarRe(), t.etaBarIm()),
                            field);
                }
                if (terminate && (c.terminatorRe() != 0 || c.terminatorIm() != 0)) {
                    terminators.add(new Terminator(k, q, q, c.terminatorRe(), c.terminatorIm(), c.terminatorRe(), -c.terminatorIm()));
                }
                summaries.add(new BathSummary(r.name(), "hermitian", c.scheme(), poles, c.terms().size(), c.error(),
                        c.integratedError(), terminate && (c.terminatorRe() != 0 || c.terminatorIm() != 0)));
            } else {
                ComplexMatrix l = couplings.get(k);
                if (fermi && fermionicReservoirs == 1) {
                    l = l.times(paritySign);
                }
                int lo = operator(uh.times(l).times(u), fermi);
                int ld = operator(uh.times(l.conjugateTranspose()).times(u), fermi);
                ExchangeCorrelation c = source.exchange(j, r.occupation(), options);
                int before = exponents.size();
                // family 1: raise with L, lower with -i (a L^+ rho - b rho L^+), a from C_in, b from C_out^*
                pair(k, fermi, lo, ld, c.absorption(), c.emission(), field);
                // family 2: raise with L^+, lower with L, a from C_out, b from C_in^*
                pair(k, fermi, ld, lo, c.emission(), c.absorption(), field);
                if (terminate) {
                    CorrelationExpansion in = c.absorption();
                    CorrelationExpansion out = c.emission();
                    if (in.terminatorRe() != 0 || in.terminatorIm() != 0 || out.terminatorRe() != 0 || out.terminatorIm() != 0) {
                        terminators.add(new Terminator(k, lo, ld, in.terminatorRe(), in.terminatorIm(), out.terminatorRe(), -out.terminatorIm()));
                        terminators.add(new Terminator(k, ld, lo, out.terminatorRe(), out.terminatorIm(), in.terminatorRe(), -in.terminatorIm()));
                    }
                }
                boolean terminated = terminators.stream().anyMatch(t -> t.bath() == reservoirs.indexOf(r));
                summaries.add(new BathSummary(r.name(), fermi ? "exchange (fermi)" : "exchange (bose)", c.emission().scheme(),
                        poles, exponents.size() - before, c.emission().error() + c.absorption().error(),
                        c.emission().integratedError() + c.absorption().integratedError(), terminated));
            }
        }
    }

    /**
     * With several fermionic leads the hierarchy is the fermionic model in which the fermions of all leads
     * anticommute (the physical one; Landauer's). The tunnelling operators of different leads must then be fermion
     * operators of the system: one level (proportional operators) or different levels that anticommute, L_a L_b =
     * -L_b L_a and L_a L_b^+ = -L_b^+ L_a (several qubits: with their Jordan-Wigner strings, sz(a)*sm(b)).
     */
    private static void checkFermionAlgebra(List<Reservoir> reservoirs, List<ComplexMatrix> couplings) {
        for (int a = 0; a < reservoirs.size(); a++) {
            for (int b = a + 1; b < reservoirs.size(); b++) {
                if (reservoirs.get(a).occupation().statistics() != ThermalOccupation.Statistics.FERMI
                        || reservoirs.get(b).occupation().statistics() != ThermalOccupation.Statistics.FERMI) {
                    continue;
                }
                ComplexMatrix x = couplings.get(a);
                ComplexMatrix y = couplings.get(b);
                double scale = Math.max(1e-300, x.maxAbs() * y.maxAbs());
                boolean anticommute = x.times(y).plus(y.times(x)).maxAbs() <= 1e-10 * scale
                        && x.times(y.conjugateTranspose()).plus(y.conjugateTranspose().times(x)).maxAbs() <= 1e-10 * scale;
                if (!anticommute && !proportional(x, y)) {
                    throw new InvalidModelException("baths." + reservoirs.get(b).name() + ".coupling", "with several"
                            + " fermionic leads, method = heom solves the fermionic model (all lead fermions anticommute),"
                            + " so the tunnelling operators of different leads must be fermion operators of the system:"
                            + " the same level, or anticommuting levels; for several qubits write the Jordan-Wigner string,"
                            + " e.g. sz(a)*sm(b) for the second qubit (a single qubit is a fermionic level as it is)");
                }
            }
        }
    }

    /** y = c x for a complex scalar c. */
    private static boolean proportional(ComplexMatrix x, ComplexMatrix y) {
        int n = x.rows();
        int best = 0;
        for (int k = 0; k < n * n; k++) {
            if (Math.hypot(x.re(k / n, k % n), x.im(k / n, k % n)) > Math.hypot(x.re(best / n, best % n), x.im(best / n, best % n))) {
                best = k;
            }
        }
        double xr = x.re(best / n, best % n);
        double xi = x.im(best / n, best % n);
        double den = xr * xr + xi * xi;
        if (den == 0) {
            return false;
        }
        double yr = y.re(best / n, best % n);
        double yi = y.im(best / n, best % n);
        // c = y_best / x_best
        double cr = (yr * xr + yi * xi) / den;
        double ci = (yi * xr - yr * xi) / den;
        return y.minus(x.scale(cr, ci)).maxAbs() <= 1e-10 * Math.max(1e-300, y.maxAbs());
    }

    /** Exponents of the family raising with up and lowering with down: a from first, b from second's conjugate. */
    private void pair(int bath, boolean fermi, int up, int down, CorrelationExpansion first, CorrelationExpansion second,
                      String field) {
        List<double[]> rates = new ArrayList<>();
        List<double[]> coefficients = new ArrayList<>();
        for (CorrelationTerm t : first.terms()) {
            slot(rates, coefficients, t.rateRe(), t.rateIm())[0] += t.etaRe();
            slot(rates, coefficients, t.rateRe(), t.rateIm())[1] += t.etaIm();
        }
        for (CorrelationTerm t : second.terms()) {
            slot(rates, coefficients, t.rateRe(), t.rateIm())[2] += t.etaBarRe();
            slot(rates, coefficients, t.rateRe(), t.rateIm())[3] += t.etaBarIm();
        }
        for (int i = 0; i < rates.size(); i++) {
            double[] c = coefficients.get(i);
            add(new Exponent(bath, fermi, rates.get(i)[0], rates.get(i)[1], up, down, c[0], c[1], c[2], c[3]), field);
        }
    }

    private static double[] slot(List<double[]> rates, List<double[]> coefficients, double re, double im) {
        for (int i = 0; i < rates.size(); i++) {
            double[] r = rates.get(i);
            if (Math.hypot(r[0] - re, r[1] - im) <= SAME_RATE * Math.max(1, Math.hypot(re, im))) {
                return coefficients.get(i);
            }
        }
        rates.add(new double[] {re, im});
        double[] c = new double[4];
        coefficients.add(c);
        return c;
    }

    private void add(Exponent e, String field) {
        if (e.aRe() == 0 && e.aIm() == 0 && e.bRe() == 0 && e.bIm() == 0) {
            return;
        }
        if (!(e.rateRe() > 0)) {
            throw new InvalidModelException(field, "the correlation function has an undamped term (rate " + e.rateRe()
                    + (e.rateIm() >= 0 ? " + " : " - ") + Math.abs(e.rateIm()) + "i): a hierarchy needs every exponent to"
                    + " decay (for a Bose reservoir with J(mu) != 0 at T > 0 the occupation diverges at w = mu; use a"
                    + " spectral density that vanishes there, e.g. drude-lorentz, or T = 0)");
        }
        exponents.add(e);
    }

    private int operator(ComplexMatrix m, boolean fermionic) {
        operators.add(new SparseOperator(m));
        operatorFermionic.add(fermionic);
        return operators.size() - 1;
    }

    /** The shape every channel of the reservoir shares (refused if they differ, or if it has no hierarchy). */
    private static SpectralDensity reference(Reservoir r) {
        SpectralDensity j = r.channels().get(0).spectralDensity();
        String field = "baths." + r.name() + ".spectral_density";
        for (Channel c : r.channels()) {
            if (c.spectralDensity() instanceof Flat) {
                throw new InvalidModelException(field, "a flat spectral density has no finite correlation time, so it has no"
                        + " hierarchical equations of motion (method = heom); use a finite-width spectrum: lorentzian or"
                        + " drude-lorentz");
            }
        }
        return j;
    }

    /**
     * sum_a c_a A_a with J_a = c_a^2 J (J the first channel's density), checked at frequencies spread over the
     * spectrum; refused when the shapes differ.
     */
    private static ComplexMatrix combined(Reservoir r, SpectralDensity j, int d) {
        ComplexMatrix total = ComplexMatrix.zeros(d, d);
        double[] probes = {-7.3, -2.1, -0.61, -0.17, 0.013, 0.19, 0.53, 1.7, 3.9, 11.0};
        for (Channel c : r.channels()) {
            double ratio = Double.NaN;
            for (double w : probes) {
                double ref = j.value(w);
                double own = c.spectralDensity().value(w);
                if (ref == 0 && own == 0) {
                    continue;
                }
                double x = own / ref;
                if (Double.isNaN(ratio)) {
                    ratio = x;
                } else if (!(Math.abs(x - ratio) <= 1e-9 * Math.abs(ratio)) || !(x >= 0)) {
                    throw new InvalidModelException("baths." + r.name() + ".coupling", "the channels of one bath share its"
                            + " modes, so their cross-correlations have density sqrt(J_a J_b); with method = heom their"
                            + " spectral densities must have one shape (J_a = c_a^2 J); split the bath or use one shape");
                }
            }
            double scale = Double.isNaN(ratio) ? 0 : Math.sqrt(ratio);
            total = total.plus(c.operator().scale(scale));
        }
        return total;
    }

    private static double[] signs(int[] parity) {
        double[] s = new double[parity.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = parity[i] == 0 ? 1 : -1;
        }
        return s;
    }
}
