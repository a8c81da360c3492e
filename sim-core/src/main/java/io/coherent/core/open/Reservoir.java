package io.coherent.core.open;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.ThermalOccupation;
import java.util.List;

/**
 * One thermal reservoir (temperature, chemical potential, statistics) and the channels through which the
 * system couples to it. Different reservoirs are independent (no cross-correlations between them).
 */
public record Reservoir(String name, ThermalOccupation occupation, List<Channel> channels) {

    public Reservoir {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException("baths.name", "every bath needs a non-empty name");
        }
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new InvalidModelException("baths." + name + ".coupling", "a bath needs at least one coupling operator");
        }
        Channel.Kind kind = channels.get(0).kind();
        for (Channel c : channels) {
            if (c.kind() != kind) {
                throw new InvalidModelException("baths." + name + ".coupling",
                        "mixes hermitian and exchange couplings; use one kind per bath");
            }
        }
        if (occupation.statistics() == ThermalOccupation.Statistics.FERMI && kind == Channel.Kind.HERMITIAN) {
            throw new InvalidModelException("baths." + name + ".statistics",
                    "fermi needs an exchange (tunnelling) coupling L c^+ + h.c.; a hermitian coupling A (x) (b + b^+) is bosonic");
        }
    }
}
