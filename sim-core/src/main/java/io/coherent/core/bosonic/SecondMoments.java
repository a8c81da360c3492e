package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;

/**
 * Second moments of the embedded system at one time, split as the physics asks.
 *
 * @param vacuum       &lt;y_i^+ c_j&gt; from the modes' initial state (N x n; rows are modes then pseudomodes)
 * @param vacuumError  error bound of each entry of {@code vacuum} (N x n, real parts): zero for exact kernels, the
 *                     kernel fit's effect otherwise ({@link KernelFitBound}; on the pseudomode rows the bound of
 *                     bath k's pseudomode sum sits on its first pseudomode's row, since only the sums are read)
 * @param thermal      &lt;y_i^+ c_j&gt; from the baths' thermal noise (N x n)
 * @param thermalError quadrature error estimate of each entry of {@code thermal} (N x n, real = |re| + |im| bound),
 *                     plus the kernel fit's bound where a kernel is fitted
 * @param noise        &lt;xi_k^+ c_j&gt;, the correlation of bath k's free noise with the modes (K x n)
 * @param noiseError   error estimate of {@code noise} (K x n)
 */
public record SecondMoments(ComplexMatrix vacuum, ComplexMatrix vacuumError, ComplexMatrix thermal,
                            ComplexMatrix thermalError, ComplexMatrix noise, ComplexMatrix noiseError) {
}
