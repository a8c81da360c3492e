package io.coherent.core.open;

import io.coherent.core.bath.InvalidModelException;
import java.util.HashSet;
import java.util.List;

/** The tensor product of named subsystems, in order (the first is the most significant index). */
public record HilbertSpace(List<Subsystem> subsystems) {

    public HilbertSpace {
        if (subsystems == null || subsystems.isEmpty()) {
            throw new InvalidModelException("subsystems", "at least one subsystem is needed");
        }
        subsystems = List.copyOf(subsystems);
        var names = new HashSet<String>();
        for (Subsystem s : subsystems) {
            if (!names.add(s.name())) {
                throw new InvalidModelException("subsystems." + s.name(), "subsystem names must be unique");
            }
        }
    }

    public static HilbertSpace of(Subsystem... subsystems) {
        return new HilbertSpace(List.of(subsystems));
    }

    public int dimension() {
        int d = 1;
        for (Subsystem s : subsystems) {
            d = Math.multiplyExact(d, s.dimension());
        }
        return d;
    }

    public int indexOf(String name) {
        for (int i = 0; i < subsystems.size(); i++) {
            if (subsystems.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new InvalidModelException("subsystem", name, "one of " + subsystems.stream().map(Subsystem::name).toList());
    }
}
