package io.coherent.core.bath;

/**
 * The two correlation functions of an exchange (rotating-wave or tunnelling) coupling
 * sum_k g_k (L b_k^+ + L^+ b_k), B = sum_k g_k b_k ({@link BathCorrelations#exchange}).
 *
 * @param emission   C_out(t) = &lt;B(t) B^+(0)&gt; = int J(w) (1 +- n(w)) e^{-iwt} dw
 * @param absorption C_in(t) = &lt;B^+(t) B(0)&gt; = int J(w) n(w) e^{+iwt} dw
 */
public record ExchangeCorrelation(CorrelationExpansion emission, CorrelationExpansion absorption) {
}
