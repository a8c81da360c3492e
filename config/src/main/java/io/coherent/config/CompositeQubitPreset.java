package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.models.CompositeQubitModel;
import java.util.List;

/** Guarnieri, Kolar and Filip, a qubit with composite system-bath coupling (seed composite-coupling-qubit). */
final class CompositeQubitPreset implements Preset {

    @Override
    public String name() {
        return "composite-qubit";
    }

    @Override
    public String description() {
        return "a qubit coupled to one Ohmic-family bath through sigma_z and sigma_x (model 1) or sigma_z and "
                + "sigma_+- (model 2) (Guarnieri, Kolar and Filip; Fig. 2(a) defaults)";
    }

    @Override
    public List<PresetParameter> parameters() {
        CompositeQubitModel d = CompositeQubitModel.DEFAULTS;
        return List.of(
                PresetParameter.number("omega0", Double.toString(d.omega0()), "qubit splitting"),
                PresetParameter.number("f1", Double.toString(d.f1()), "weight of the sigma_z coupling"),
                PresetParameter.number("f2", Double.toString(d.f2()), "weight of the sigma_x (model 1) or sigma_+- (model 2) coupling"),
                PresetParameter.number("lambda", Double.toString(d.lambda()), "coupling strength of J = lambda w^s Omega^(1-s) e^(-w/Omega)"),
                PresetParameter.number("Omega", Double.toString(d.Omega()), "cut-off frequency"),
                PresetParameter.number("s", Double.toString(d.s()), "Ohmic exponent (1 Ohmic, < 1 sub-, > 1 super-Ohmic)"),
                PresetParameter.number("T", Double.toString(d.T()), "bath temperature"),
                PresetParameter.choice("model", Integer.toString(d.model().number()), "the paper's interaction: 1 = Eq. (1), 2 = Eq. (5)",
                        List.of("1", "2")));
    }

    @Override
    public Model build(PresetValues v, FrequencySupport support) {
        return new CompositeQubitModel(v.number("omega0"), v.number("f1"), v.number("f2"), v.number("lambda"),
                v.number("Omega"), v.number("s"), v.number("T"),
                CompositeQubitModel.Coupling.of(Integer.parseInt(v.choice("model"))));
    }

    @Override
    public Method defaultMethod() {
        return Method.REDFIELD;
    }

    /** The steady-state coherence comes from the principal-value parts: without them it vanishes. */
    @Override
    public Boolean lambShiftDefault() {
        return Boolean.TRUE;
    }
}
