package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import java.util.List;
import java.util.Map;

/** Wu et al., two oscillators under partial collective non-Markovian decoherence (seed partial-collective). */
final class PartialCollectivePreset implements Preset {

    @Override
    public String name() {
        return "partial-collective";
    }

    @Override
    public String description() {
        return "two oscillators, common and individual Lorentzian baths mixed by theta (Wu et al.; Fig. 1(a) defaults)";
    }

    @Override
    public List<PresetParameter> parameters() {
        return List.of(
                PresetParameter.number("omega1", "1", "frequency of oscillator 1"),
                PresetParameter.number("omega2", "1", "frequency of oscillator 2"),
                PresetParameter.number("omega0", "1", "centre of the Lorentzian spectral density"),
                PresetParameter.number("Gamma", "1", "coupling strength of the Lorentzian"),
                PresetParameter.number("gamma", "0.1", "width of the Lorentzian (memory time 1/gamma)"),
                PresetParameter.number("theta", "pi/8", "mixing angle: cos^2 collective, sin^2 individual"),
                PresetParameter.number("T", "1", "temperature of all three baths"),
                PresetParameter.number("kappa", "-pi/4", "initial state sin(kappa)|01> + cos(kappa)|10>"));
    }

    @Override
    public Model build(PresetValues v, FrequencySupport support) {
        return new PartialCollectiveModel(v.number("omega1"), v.number("omega2"), v.number("omega0"),
                v.number("Gamma"), v.number("gamma"), v.number("theta"), v.number("T"), v.number("kappa"))
                .toModel(support);
    }

    @Override
    public Method defaultMethod() {
        return Method.EXACT;
    }

    @Override
    public Map<String, String> fieldAliases() {
        return Map.of("center", "omega0", "width", "gamma", "strength", "Gamma", "temperature", "T",
                "baths.common.temperature", "T", "baths.individual1.temperature", "T",
                "baths.individual2.temperature", "T", "hamiltonian", "omega1", "initial_occupation", "kappa");
    }
}
