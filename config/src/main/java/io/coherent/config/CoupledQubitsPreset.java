package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.models.CoupledQubitsModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Two coupled qubits between boson or fermion reservoirs (seed coupled-qubits-boson-fermion; docs/papers/coupled-qubits.md). */
final class CoupledQubitsPreset implements Preset {

    @Override
    public String name() {
        return "coupled-qubits";
    }

    @Override
    public String description() {
        return "two coupled qubits, each exchanging with its own boson or fermion reservoir (Fig. 5 defaults)";
    }

    @Override
    public List<PresetParameter> parameters() {
        CoupledQubitsModel d = CoupledQubitsModel.DEFAULTS;
        return List.of(
                PresetParameter.number("omega1", Double.toString(d.omega1()), "frequency of qubit 1"),
                PresetParameter.number("omega2", Double.toString(d.omega2()), "frequency of qubit 2"),
                PresetParameter.number("lambda", Double.toString(d.lambda()), "qubit-qubit coupling"),
                PresetParameter.number("J1", Double.toString(d.J1()), "coupling strength to reservoir 1"),
                PresetParameter.number("J2", Double.toString(d.J2()), "coupling strength to reservoir 2"),
                PresetParameter.number("T1", Double.toString(d.T1()), "temperature of reservoir 1"),
                PresetParameter.number("T2", Double.toString(d.T2()), "temperature of reservoir 2"),
                PresetParameter.number("mu1", Double.toString(d.mu1()), "chemical potential of reservoir 1"),
                PresetParameter.number("mu2", Double.toString(d.mu2()), "chemical potential of reservoir 2"),
                PresetParameter.choice("statistics", d.statistics().name().toLowerCase(Locale.ROOT),
                        "reservoir particles", List.of("bose", "fermi")),
                PresetParameter.choice("spectrum", d.spectrum().name().toLowerCase(Locale.ROOT),
                        "reservoir spectral density (flat: the paper's, Markovian; ohmic: Eq. 79; lorentzian or "
                        + "drude-lorentz: finite width omega_c, equal to J_i at the mean qubit frequency, for method=heom)",
                        List.of("flat", "ohmic", "lorentzian", "drude-lorentz")),
                PresetParameter.number("omega_c", Double.toString(d.omega_c()),
                        "cut-off w_c of the ohmic spectrum (Fig. 8), also the lorentzian half-width or drude-lorentz cut-off"));
    }

    @Override
    public Model build(PresetValues v, FrequencySupport support) {
        return new CoupledQubitsModel(v.number("omega1"), v.number("omega2"), v.number("lambda"), v.number("J1"),
                v.number("J2"), v.number("T1"), v.number("T2"), v.number("mu1"), v.number("mu2"),
                ThermalOccupation.Statistics.valueOf(v.choice("statistics").toUpperCase(Locale.ROOT)),
                CoupledQubitsModel.Spectrum.valueOf(v.choice("spectrum").toUpperCase(Locale.ROOT).replace('-', '_')),
                v.number("omega_c")).toSystem();
    }

    /** The hierarchy refuses a flat reservoir under the reservoir's name; the user's key for it is spectrum. */
    @Override
    public Map<String, String> fieldAliases() {
        return Map.of("baths.1.spectral_density", "spectrum", "baths.2.spectral_density", "spectrum");
    }

    @Override
    public Method defaultMethod() {
        return Method.REDFIELD;
    }

    /** The paper uses real rates only; a flat spectrum has no finite Lamb shift. */
    @Override
    public Boolean lambShiftDefault() {
        return Boolean.FALSE;
    }
}
