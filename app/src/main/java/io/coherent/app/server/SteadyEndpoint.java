package io.coherent.app.server;

import io.coherent.app.cli.Reports;
import io.coherent.app.cli.SteadyCommand;
import io.coherent.config.Scenario;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/steady[?set=KEY=VALUE...]} with a scenario: its steady state computed directly, answered with the
 * JSON of {@code coherent steady --json} (the same solver call and the same object). The scenario is loaded and
 * checked on a worker thread before the computation takes one of the server's run places ({@code --max-runs}, 429
 * when all are taken), since a steady state occupies a core as a run does.
 */
final class SteadyEndpoint {
    private final Vertx vertx;
    private final ServerSettings settings;
    private final ServerMetrics metrics;

    SteadyEndpoint(Vertx vertx, ServerSettings settings, ServerMetrics metrics) {
        this.vertx = vertx;
        this.settings = settings;
        this.metrics = metrics;
    }

    void handle(RoutingContext ctx) {
        ScenarioRequest request;
        try {
            request = ScenarioRequest.of(ctx);
        } catch (IllegalArgumentException e) {
            RunServer.error(ctx, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> request.load(settings.modelLimits()), false).onComplete(loaded -> {
            if (loaded.failed()) {
                RunServer.failed(ctx, loaded.cause());
                return;
            }
            if (!metrics.reserveRun(settings.maxRunningRuns())) {
                metrics.refused("busy");
                RunServer.busy(ctx, settings);
                return;
            }
            Scenario s = loaded.result();
            vertx.executeBlocking(() -> Reports.json(SteadyCommand.toJson(s, SteadyCommand.solve(s))), false)
                    .onComplete(ar -> {
                        metrics.releaseRun();
                        if (ar.failed()) {
                            RunServer.failed(ctx, ar.cause());
                        } else if (!ctx.response().ended()) {
                            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(ar.result());
                        }
                    });
        });
    }
}
