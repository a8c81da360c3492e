package io.coherent.core.methods;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PseudoModeEmbedding;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;

/**
 * Which engine computes a method on a model: the exact coefficient equations for bilinear bosonic
 * models, and master equations (on second moments for bilinear models, on the density matrix for
 * finite open systems). A method that does not apply is refused with one line naming {@code method}.
 */
public final class Engines {

    private Engines() {
    }

    /** Builds what the method needs once, so that a scenario that cannot run fails at load time. */
    public static void check(Model model, Method method, EngineOptions options) {
        if (method == Method.EXACT) {
            new PseudoModeEmbedding(bilinear(model, method));
            return;
        }
        generator(model, method, options);
    }

    public static Generator generator(Model model, Method method, EngineOptions options) {
        if (method == Method.EXACT) {
            return new ExactDynamics(bilinear(model, method), options.trajectoryQuadrature());
        }
        throw new InvalidModelException("method", "method = " + method.id() + " is not available yet");
    }

    private static BilinearModel bilinear(Model model, Method method) {
        if (model instanceof BilinearModel b) {
            return b;
        }
        throw new InvalidModelException("method", "method = " + method.id()
                + " applies to bilinear bosonic models only; use redfield, secular or local-lindblad");
    }
}
