package io.coherent.core.dynamics;

import java.util.List;

/**
 * A physical model whose dynamics a {@link Method} can compute: a bilinear bosonic model or a finite
 * open system. Bath names label the per-bath observables (energy currents).
 */
public interface Model {

    List<String> bathNames();
}
