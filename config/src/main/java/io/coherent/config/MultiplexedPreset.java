package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.models.MultiplexedModel;
import java.util.List;
import java.util.Locale;

/** Slobodeniuk, Novotny and Filip, multiplexed autonomous coherences (seed multiplexed-coherence). */
final class MultiplexedPreset implements Preset {

    @Override
    public String name() {
        return "multiplexed";
    }

    @Override
    public String description() {
        return "M (and N) driving spins and 1-2 receiving spins through one or two Ohmic-family baths "
                + "(Slobodeniuk, Novotny and Filip; Figs. 2-3 defaults)";
    }

    @Override
    public List<PresetParameter> parameters() {
        MultiplexedModel d = MultiplexedModel.DEFAULTS;
        return List.of(
                PresetParameter.number("M", Integer.toString(d.M()), "driving spins on bath 1"),
                PresetParameter.number("N", Integer.toString(d.N()), "driving spins on bath 2 (0: one bath)"),
                PresetParameter.number("outputs", Integer.toString(d.outputs()), "receiving spins (1 or 2)"),
                PresetParameter.number("omega1", Double.toString(d.omega1()), "frequency of the driving spins on bath 1"),
                PresetParameter.number("omega2", Double.toString(d.omega2()), "frequency of the driving spins on bath 2"),
                PresetParameter.number("omega", Double.toString(d.omega()), "frequency of the receiving spins"),
                PresetParameter.number("f1", Double.toString(d.f1()), "sigma_z coupling of the driving spins to bath 1"),
                PresetParameter.number("f2", Double.toString(d.f2()), "sigma_x coupling of the receiving spins to bath 1"),
                PresetParameter.number("g1", Double.toString(d.g1()), "sigma_z coupling of the driving spins to bath 2"),
                PresetParameter.number("g2", Double.toString(d.g2()), "sigma_x coupling of the receiving spins to bath 2"),
                PresetParameter.number("lambda", Double.toString(d.lambda()), "bath coupling strength, I = lambda xi^s omega_c^(1-s) e^(-xi/omega_c)"),
                PresetParameter.number("omega_c", Double.toString(d.omega_c()), "bath cut-off frequency"),
                PresetParameter.number("s", Double.toString(d.s()), "Ohmic exponent"),
                PresetParameter.number("T", Double.toString(d.T()), "temperature of the baths"),
                PresetParameter.choice("inputs", d.inputs().name().toLowerCase(Locale.ROOT),
                        "initial populations of the driving spins (conserved)", List.of("thermal", "ground", "excited")));
    }

    @Override
    public Model build(PresetValues v, FrequencySupport support) {
        return new MultiplexedModel(count(v, "M"), count(v, "N"), count(v, "outputs"), v.number("omega1"),
                v.number("omega2"), v.number("omega"), v.number("f1"), v.number("f2"), v.number("g1"), v.number("g2"),
                v.number("lambda"), v.number("omega_c"), v.number("s"), v.number("T"),
                MultiplexedModel.InputState.valueOf(v.choice("inputs").toUpperCase(Locale.ROOT)));
    }

    private static int count(PresetValues v, String name) {
        double x = v.number(name);
        if (x != Math.rint(x) || Math.abs(x) > 1000) {
            throw new InvalidModelException(name, x, "a whole number");
        }
        return (int) x;
    }

    @Override
    public Method defaultMethod() {
        return Method.REDFIELD;
    }

    /** Redfield reproduces the paper's coherence only through the Lamb shift; without it the coherence is zero. */
    @Override
    public Boolean lambShiftDefault() {
        return Boolean.TRUE;
    }
}
