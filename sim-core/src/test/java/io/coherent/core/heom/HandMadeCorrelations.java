package io.coherent.core.heom;

import io.coherent.core.bath.CorrelationExpansion;
import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.ExchangeCorrelation;
import io.coherent.core.bath.ExpansionOptions;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import java.util.List;

/** A correlation source that ignores J and returns fixed exponentials: tests of the hierarchy on its own. */
record HandMadeCorrelations(List<CorrelationTerm> hermitian, List<CorrelationTerm> emission,
                            List<CorrelationTerm> absorption) implements CorrelationSource {

    static HandMadeCorrelations ofHermitian(CorrelationTerm... terms) {
        return new HandMadeCorrelations(List.of(terms), List.of(), List.of());
    }

    @Override
    public CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options) {
        return new CorrelationExpansion(hermitian, 0, 0, 0, "exact");
    }

    @Override
    public ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        return new ExchangeCorrelation(new CorrelationExpansion(emission, 0, 0, 0, "exact"),
                new CorrelationExpansion(absorption, 0, 0, 0, "exact"));
    }
}
