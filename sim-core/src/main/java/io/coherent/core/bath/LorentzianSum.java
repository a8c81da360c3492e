package io.coherent.core.bath;

import java.util.List;

/** A sum of Lorentzians: structured spectra with several peaks; one pseudomode per peak. */
public record LorentzianSum(List<Lorentzian> peaks) implements SpectralDensity {

    public LorentzianSum {
        if (peaks == null || peaks.isEmpty()) {
            throw new InvalidModelException("peaks", "none", "a non-empty list of lorentzians");
        }
        peaks = List.copyOf(peaks);
    }

    @Override
    public double value(double w) {
        double s = 0;
        for (Lorentzian l : peaks) {
            s += l.value(w);
        }
        return s;
    }

    @Override
    public List<ExponentialTerm> kernel() {
        return peaks.stream().flatMap(l -> l.kernel().stream()).toList();
    }

    @Override
    public String describe() {
        return "sum" + peaks.stream().map(Lorentzian::describe).toList();
    }
}
