package io.coherent.core.dynamics;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

/** Test adapter: a Generator as a Hipparchus ODE (production propagation lives in integrators). */
public final class GeneratorOde implements OrdinaryDifferentialEquation {
    private final Generator generator;
    private final double[] yDot;

    public GeneratorOde(Generator generator) {
        this.generator = generator;
        this.yDot = new double[generator.stateDimension()];
    }

    @Override
    public int getDimension() {
        return generator.stateDimension();
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        generator.computeDerivatives(t, y, yDot);
        return yDot;
    }
}
