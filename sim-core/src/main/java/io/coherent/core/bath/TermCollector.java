package io.coherent.core.bath;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * Collects the exponents (gamma, eta) of C(t), t >= 0, merging equal rates, and closes the set under complex
 * conjugation so that C(t)^* = sum conj(eta) exp(-conj(gamma) t) is a sum over the same rates: the partner of a
 * rate gamma is the term with rate conj(gamma) (a real rate is its own partner), added with eta = 0 if C(t) has
 * none, and etaBar of a term is conj(eta) of its partner.
 */
final class TermCollector {
    private final List<Complex> rates = new ArrayList<>();
    private final List<Complex> etas = new ArrayList<>();

    void add(Complex rate, Complex eta) {
        int i = indexOf(rate);
        if (i >= 0) {
            etas.set(i, etas.get(i).add(eta));
        } else {
            rates.add(rate);
            etas.add(eta);
        }
    }

    private int indexOf(Complex rate) {
        for (int i = 0; i < rates.size(); i++) {
            if (same(rates.get(i), rate)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(Complex a, Complex b) {
        return a.subtract(b).norm() <= 1e-13 * Math.max(a.norm(), b.norm());
    }

    List<CorrelationTerm> terms() {
        List<Complex> r = new ArrayList<>(rates);
        List<Complex> e = new ArrayList<>(etas);
        for (int i = 0; i < rates.size(); i++) {
            Complex partner = rates.get(i).conjugate();
            boolean found = false;
            for (Complex z : r) {
                found |= same(z, partner);
            }
            if (!found) {
                r.add(partner);
                e.add(Complex.ZERO);
            }
        }
        List<CorrelationTerm> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Complex partner = r.get(i).conjugate();
            Complex etaBar = Complex.ZERO;
            for (int j = 0; j < r.size(); j++) {
                if (same(r.get(j), partner)) {
                    etaBar = e.get(j).conjugate();
                    break;
                }
            }
            Complex rate = r.get(i);
            Complex eta = e.get(i);
            out.add(new CorrelationTerm(rate.getReal(), rate.getImaginary(), eta.getReal(), eta.getImaginary(),
                    etaBar.getReal(), etaBar.getImaginary()));
        }
        return out;
    }
}
