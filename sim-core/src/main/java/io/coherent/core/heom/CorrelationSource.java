package io.coherent.core.heom;

import io.coherent.core.bath.BathCorrelations;
import io.coherent.core.bath.CorrelationExpansion;
import io.coherent.core.bath.ExchangeCorrelation;
import io.coherent.core.bath.ExpansionOptions;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;

/**
 * Where the hierarchy gets each reservoir's correlation functions as sums of exponentials: the shared bath code
 * ({@code bath.BathCorrelations}) in the product, a hand-made expansion in tests.
 */
public interface CorrelationSource {

    /** The shared bath code's expansions (Matsubara, Pade, fit; docs/physics.md). */
    CorrelationSource BATH_CORRELATIONS = new CorrelationSource() {
        @Override
        public CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options) {
            return BathCorrelations.hermitian(j, temperature, options);
        }

        @Override
        public ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
            return BathCorrelations.exchange(j, occupation, options);
        }
    };

    /** C(t) = &lt;X(t) X(0)&gt; of a Hermitian coupling A (x) X, X = sum g (b + b^+). */
    CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options);

    /** Emission and absorption correlations of an exchange coupling L B^+ + L^+ B (Bose or Fermi). */
    ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options);
}
