package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;

/**
 * The thermal frequency integrals of a bilinear model, on pole-following panels with an error
 * estimate. One instance per thread (it owns its integrand's work arrays).
 */
public final class ThermalIntegral {
    private final PseudoModeEmbedding embedding;
    private final ThermalResponse response;
    private final GaussKronrod rule;
    private final List<Panel> panels;
    private final QuadratureTolerance tolerance;
    private final boolean anyThermal;

    /** Result of one evaluation: thermal moments and noise correlations with their errors. */
    public record Result(ComplexMatrix thermal, ComplexMatrix thermalError, ComplexMatrix noise, ComplexMatrix noiseError,
                         int evaluations, boolean converged) {
    }

    public ThermalIntegral(PseudoModeEmbedding embedding, QuadratureTolerance tolerance) {
        this.embedding = embedding;
        this.response = new ThermalResponse(embedding);
        this.rule = new GaussKronrod(response);
        this.panels = FrequencyGrid.panels(embedding.poles(), embedding.model());
        this.tolerance = tolerance;
        this.anyThermal = embedding.model().baths().stream().anyMatch(b -> b.temperature() > 0);
    }


    public Result steady() {
        response.setSteady();
        return integrate();
    }

    /** At time t, given Phi(t)[:, 0:n] (N x n row-major parts). */
    public Result at(double t, double[] phiRe, double[] phiIm) {
        response.setTime(t, phiRe, phiIm);
        return integrate();
    }

    private Result integrate() {
        int n = embedding.modes();
        int size = embedding.size();
        int baths = response.baths();
        if (!anyThermal) {
            return new Result(ComplexMatrix.zeros(size, n), ComplexMatrix.zeros(size, n),
                    ComplexMatrix.zeros(baths, n), ComplexMatrix.zeros(baths, n), 0, true);
        }
        QuadratureResult q = rule.integrate(panels, tolerance.absolute(), tolerance.relative(), tolerance.maxEvaluations());
        double[] v = q.values();
        double[] e = q.errors();
        int s = size * n;
        int x = baths * n;
        return new Result(
                part(v, 0, s, size, n), errorPart(e, 0, s, size, n),
                part(v, 2 * s, x, baths, n), errorPart(e, 2 * s, x, baths, n),
                q.evaluations(), q.converged());
    }

    private static ComplexMatrix part(double[] v, int offset, int imagOffset, int rows, int cols) {
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        System.arraycopy(v, offset, re, 0, rows * cols);
        System.arraycopy(v, offset + imagOffset, im, 0, rows * cols);
        return ComplexMatrix.of(rows, cols, re, im);
    }

    /** Error bound |re error| + |im error| as the real part. */
    private static ComplexMatrix errorPart(double[] e, int offset, int imagOffset, int rows, int cols) {
        double[] re = new double[rows * cols];
        for (int k = 0; k < rows * cols; k++) {
            re[k] = e[offset + k] + e[offset + imagOffset + k];
        }
        return ComplexMatrix.of(rows, cols, re, new double[rows * cols]);
    }
}
