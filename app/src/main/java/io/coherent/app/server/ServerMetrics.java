package io.coherent.app.server;

import io.coherent.integrators.RunMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's meters, scraped by Prometheus at {@code /metrics}: runs started, ended (by status) and refused
 * (by reason), error answers of every endpoint (by HTTP status), runs going and stream subscribers connected, the integrators' work summed over finished runs, and the JVM's memory and threads.
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger subscribers = new AtomicInteger();

    ServerMetrics() {
        registry.gauge("coherent.server.runs.running", running);
        registry.gauge("coherent.server.stream.subscribers", subscribers);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    String scrape() {
        return registry.scrape();
    }

    /** Reserves a place for a run; false if {@code limit} runs are already going. */
    boolean reserveRun(int limit) {
        while (true) {
            int n = running.get();
            if (n >= limit) {
                return false;
            }
            if (running.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void releaseRun() {
        running.decrementAndGet();
    }

    int running() {
        return running.get();
    }

    void started() {
        registry.counter("coherent.server.runs.started").increment();
    }

    void refused(String reason) {
        registry.counter("coherent.server.runs.refused", "reason", reason).increment();
    }

    /** An error answer ({@code 4xx}, {@code 5xx}) of any endpoint. */
    void answeredError(int status) {
        registry.counter("coherent.server.errors", "status", Integer.toString(status)).increment();
    }

    /** A run has ended: its status, and its own meters added to the server's totals. */
    void ended(String status, MeterRegistry run) {
        registry.counter("coherent.server.runs.ended", "status", status).increment();
        if (run != null) {
            for (String name : new String[] {RunMetrics.STEPS, RunMetrics.EVALUATIONS, RunMetrics.SAMPLES}) {
                Counter c = run.find(name).counter();
                if (c != null) {
                    registry.counter(name).increment(c.count());
                }
            }
        }
    }

    void subscribed() {
        subscribers.incrementAndGet();
    }

    void unsubscribed() {
        subscribers.decrementAndGet();
    }
}
