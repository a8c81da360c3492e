package io.coherent.core.bath;

/**
 * How a bath correlation function is written as a finite sum of exponentials: the poles of J plus the
 * poles of the Bose or Fermi function (Matsubara frequencies, or the Pade poles, which converge much
 * faster at low temperature), or a least-squares fit of C(t) (spectral densities without a rational form,
 * such as the Ohmic family with exponential cut-off).
 */
public enum ExpansionScheme {
    MATSUBARA("matsubara"), PADE("pade"), FIT("fit");

    private final String id;

    ExpansionScheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
