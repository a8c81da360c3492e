package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.models.TwoAtomsModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Huangfu and Jing, two coupled atoms between two baths (seed two-atoms-nonequilibrium; docs/papers/two-atoms.md). */
final class TwoAtomsPreset implements Preset {

    @Override
    public String name() {
        return "two-atoms";
    }

    @Override
    public String description() {
        return "two dipole-coupled atoms between a cold bath a and a hot bath b (Huangfu and Jing; Figs. 2-3 defaults)";
    }

    @Override
    public List<PresetParameter> parameters() {
        TwoAtomsModel d = TwoAtomsModel.DEFAULTS;
        return List.of(
                PresetParameter.number("Omega", Double.toString(d.Omega()), "mean atomic frequency"),
                PresetParameter.number("Delta", Double.toString(d.Delta()), "detuning omega1 - omega2"),
                PresetParameter.number("xi", Double.toString(d.xi()), "dipole-dipole coupling"),
                PresetParameter.number("gamma", Double.toString(d.gamma()), "atom-bath rate (flat J = gamma/pi)"),
                PresetParameter.number("Ta", Double.toString(d.Ta()), "temperature of bath a"),
                PresetParameter.number("Tb", Double.toString(d.Tb()), "temperature of bath b"),
                PresetParameter.choice("case", d.configuration().name(), "which atoms couple to which bath",
                        List.of("A", "B", "C", "D")),
                PresetParameter.choice("spectrum", "flat", "baths' spectral density (flat: the paper's, Markovian; "
                        + "lorentzian or drude-lorentz: finite width gamma_c, equal to gamma/pi at Omega, for method=heom)",
                        List.of("flat", "lorentzian", "drude-lorentz")),
                PresetParameter.number("gamma_c", Double.toString(d.gamma_c()),
                        "width of a finite-width spectrum: lorentzian half-width or drude-lorentz cut-off"));
    }

    @Override
    public Model build(PresetValues v, FrequencySupport support) {
        return new TwoAtomsModel(v.number("Omega"), v.number("Delta"), v.number("xi"), v.number("gamma"),
                v.number("Ta"), v.number("Tb"), TwoAtomsModel.Case.valueOf(v.choice("case")),
                TwoAtomsModel.Spectrum.valueOf(v.choice("spectrum").toUpperCase(Locale.ROOT).replace('-', '_')),
                v.number("gamma_c")).toSystem();
    }

    /** The hierarchy refuses a flat bath under the bath's name; the user's key for it is spectrum. */
    @Override
    public Map<String, String> fieldAliases() {
        return Map.of("baths.a.spectral_density", "spectrum", "baths.b.spectral_density", "spectrum");
    }

    @Override
    public Method defaultMethod() {
        return Method.REDFIELD;
    }

    /** The paper keeps real rates only (and a flat J has no finite Lamb shift). */
    @Override
    public Boolean lambShiftDefault() {
        return Boolean.FALSE;
    }
}
