package io.coherent.core.bath;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * A spectral density in partial fractions, J(w) = sum_j r_j/(w - p_j), continued off the real axis (simple
 * poles p_j off the axis). The rational densities read this way:
 * <ul>
 *   <li>Lorentzian (Gamma/2pi) gamma^2/((w - w0)^2 + gamma^2): poles w0 -+ i gamma, residues +- i Gamma gamma/(4 pi);</li>
 *   <li>Drude-Lorentz (2 lambda/pi) gamma w/(w^2 + gamma^2): poles -+ i gamma, residues lambda gamma/pi each;</li>
 *   <li>a sum of Lorentzians: the union of its peaks' poles.</li>
 * </ul>
 */
record RationalDensity(List<Complex> poles, List<Complex> residues) {

    RationalDensity {
        poles = List.copyOf(poles);
        residues = List.copyOf(residues);
    }

    /** The partial fractions of j, or null if j is not rational (Ohmic family, flat). */
    static RationalDensity of(SpectralDensity j) {
        List<Complex> p = new ArrayList<>();
        List<Complex> r = new ArrayList<>();
        if (j instanceof Lorentzian l) {
            addLorentzian(l, p, r);
        } else if (j instanceof LorentzianSum s) {
            s.peaks().forEach(l -> addLorentzian(l, p, r));
        } else if (j instanceof DrudeLorentz d) {
            double res = d.reorganisation() * d.cutoff() / Math.PI;
            p.add(new Complex(0, -d.cutoff()));
            r.add(new Complex(res));
            p.add(new Complex(0, d.cutoff()));
            r.add(new Complex(res));
        } else {
            return null;
        }
        return new RationalDensity(p, r);
    }

    private static void addLorentzian(Lorentzian l, List<Complex> p, List<Complex> r) {
        double res = l.strength() * l.width() / (4 * Math.PI);
        p.add(new Complex(l.center(), -l.width()));
        r.add(new Complex(0, res));
        p.add(new Complex(l.center(), l.width()));
        r.add(new Complex(0, -res));
    }

    /** J(-w): poles -p_j with residues -r_j. */
    RationalDensity reflected() {
        return new RationalDensity(poles.stream().map(Complex::negate).toList(), residues.stream().map(Complex::negate).toList());
    }

    /** J(w) - J(-w): the poles of J with their residues, and -p_j with residue r_j. */
    RationalDensity antisymmetrised() {
        List<Complex> p = new ArrayList<>(poles);
        List<Complex> r = new ArrayList<>(residues);
        poles.forEach(z -> p.add(z.negate()));
        r.addAll(residues);
        return new RationalDensity(p, r);
    }

    /** J(z) at a complex point away from the poles. */
    Complex value(Complex z) {
        Complex s = Complex.ZERO;
        for (int j = 0; j < poles.size(); j++) {
            s = s.add(residues.get(j).divide(z.subtract(poles.get(j))));
        }
        return s;
    }

    /** J(w) on the real axis. */
    double value(double w) {
        return value(new Complex(w)).getReal();
    }

    /** m_q = sum_j r_j (p_j - c)^q: J(z) = sum_q m_q/(z - c)^{q+1} far from the poles. */
    Complex moment(double c, int q) {
        Complex s = Complex.ZERO;
        for (int j = 0; j < poles.size(); j++) {
            s = s.add(residues.get(j).multiply(poles.get(j).subtract(c).pow(q)));
        }
        return s;
    }

    /** M_q = sum_j |r_j| |p_j - c|^q. */
    double absoluteMoment(double c, int q) {
        double s = 0;
        for (int j = 0; j < poles.size(); j++) {
            s += residues.get(j).norm() * Math.pow(poles.get(j).subtract(c).norm(), q);
        }
        return s;
    }

    /** The order q of the first moment m_q that does not vanish (to rounding): J(w) ~ w^{-(q+1)} at large |w|. */
    int decayOrder(double c) {
        for (int q = 0; q < poles.size(); q++) {
            if (moment(c, q).norm() > 1e-12 * absoluteMoment(c, q)) {
                return q;
            }
        }
        return poles.size();
    }

    /** max_j |p_j - c|. */
    double radius(double c) {
        return poles.stream().mapToDouble(z -> z.subtract(c).norm()).max().orElse(0);
    }
}
