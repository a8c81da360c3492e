package io.coherent.core.open;

import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.linalg.ComplexMatrix;

/**
 * How a system operator couples to a reservoir's modes, with the spectral density of that coupling,
 * J(w) = sum_k |g_k|^2 delta(w - w_k).
 *
 * <ul>
 *   <li>{@link Kind#HERMITIAN}: H_I = A (x) sum_k g_k (b_k + b_k^+), A Hermitian (displacement coupling,
 *       e.g. sigma_x or sigma_z to a boson bath). Only modes at w > 0 exist.</li>
 *   <li>{@link Kind#EXCHANGE}: H_I = sum_k g_k (L b_k^+ + L^+ b_k), L the operator that removes one
 *       excitation (or particle) from the system (rotating-wave or tunnelling coupling; bosons or fermions).
 *       Modes at any frequency exist; occupation with chemical potential.</li>
 * </ul>
 * Channels of one reservoir couple to the same modes: their cross spectral density is
 * sqrt(J_alpha J_beta) (the couplings g_alpha,k are real and positive), so cross-correlations are kept.
 */
public record Channel(Kind kind, ComplexMatrix operator, SpectralDensity spectralDensity) {

    public enum Kind { HERMITIAN, EXCHANGE }
}
