package io.coherent.app.server;

import io.coherent.app.cli.Reports;
import io.coherent.app.cli.SteadyCommand;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/steady[?set=KEY=VALUE...]} with a scenario: its steady state computed directly, answered with the
 * JSON of {@code coherent steady --json} (the same solver call and the same object). Taken in as every scenario
 * ({@link ScenarioIntake}): checked first, then computed holding one of the server's run places, since a steady state
 * occupies a core as a run does.
 */
final class SteadyEndpoint {
    private final ScenarioIntake intake;

    SteadyEndpoint(ScenarioIntake intake) {
        this.intake = intake;
    }

    void handle(RoutingContext ctx) {
        intake.answer(ctx, request -> request.load(intake.settings().modelLimits()),
                (s, clientGone) -> Reports.json(SteadyCommand.toJson(s, SteadyCommand.solve(s))));
    }
}
