package io.coherent.core.open;

import io.coherent.core.dynamics.Model;
import java.util.List;

/**
 * A model defined by its own (a paper's) parameters whose dynamics is that of a finite open system: the
 * master equations run on {@link #toSystem()}. Keeping the model itself, not only its open system, lets
 * methods that use the model's structure (closed forms) reach it.
 */
public interface FiniteModel extends Model {

    /** The open system the master equations run on. */
    OpenSystem toSystem();

    @Override
    default List<String> bathNames() {
        return toSystem().bathNames();
    }
}
