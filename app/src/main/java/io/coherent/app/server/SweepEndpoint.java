package io.coherent.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.app.cli.Reports;
import io.coherent.app.sweep.Axis;
import io.coherent.app.sweep.Grid;
import io.coherent.app.sweep.PointEvaluator;
import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.PointResult;
import io.coherent.app.sweep.Sweep;
import io.coherent.app.sweep.SweepDefinition;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.observables.Estimate;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /api/sweep?param=NAME=[log:]START:STOP:N[&param=...][&evaluation=steady|run][&set=KEY=VALUE...]} with a
 * scenario: the sweep of {@code coherent sweep} ({@link Sweep}, the same grid, validation and point evaluation, a
 * failed point recorded with its reason), answered with every point in grid order as JSON. The sweep is checked
 * (scenario, grid, every corner) before it takes one run place ({@link ScenarioIntake}); it evaluates its points on
 * one thread, and stops when the client disconnects (it does not start if the client left while it was checked).
 * Limits: at most {@code --max-points} points, and with {@code evaluation=run} each point's run within
 * {@code --max-points} and {@code --max-until} as any run.
 */
final class SweepEndpoint {
    static final String PARAM = "param";
    static final String EVALUATION = "evaluation";

    private final ScenarioIntake intake;
    private final ServerSettings settings;

    SweepEndpoint(ScenarioIntake intake) {
        this.intake = intake;
        this.settings = intake.settings();
    }

    void handle(RoutingContext ctx) {
        List<String> params = ctx.queryParam(PARAM);
        String evaluation = ctx.queryParams().get(EVALUATION) == null ? SweepDefinition.STEADY
                : ctx.queryParams().get(EVALUATION);
        intake.answer(ctx, request -> prepare(request, params, evaluation),
                (sweep, clientGone) -> run(sweep, evaluation, clientGone));
    }

    /** On a worker thread: everything a sweep can check before it starts, as {@link Sweep#prepare} checks it. */
    private Sweep prepare(ScenarioRequest request, List<String> params, String evaluation) {
        if (!SweepDefinition.STEADY.equals(evaluation) && !SweepDefinition.RUN.equals(evaluation)) {
            throw new ScenarioException(EVALUATION, EVALUATION + " = " + evaluation
                    + " is not allowed: expected steady or run");
        }
        if (params.isEmpty()) {
            throw new ScenarioException(PARAM, PARAM + " is missing: give one or two " + PARAM
                    + "=NAME=[log:]START:STOP:N, e.g. param=theta=0:pi/2:11");
        }
        try {
            Grid grid = new Grid(params.stream().map(Axis::parse).toList());
            if (grid.size() > settings.maxPoints()) {
                throw new ScenarioException(PARAM, PARAM + ": " + grid.size() + " points are too many here: the server "
                        + "sweeps at most " + settings.maxPoints() + " points (--max-points)");
            }
            SweepDefinition definition = new SweepDefinition(request.source(), request.overrides(), grid, evaluation);
            PointEvaluator evaluator = SweepDefinition.RUN.equals(evaluation)
                    ? new WithinLimits(definition.evaluator(), settings) : definition.evaluator();
            Sweep sweep = Sweep.prepare(definition.scenario(), definition.overrides(), grid, evaluator);
            if (SweepDefinition.RUN.equals(evaluation)) {
                WithinLimits.check(sweep.base(), grid, settings);
            }
            return sweep;
        } catch (ScenarioException e) {
            throw forHttp(e);
        }
    }

    /** The sweep's messages say {@code --param} and {@code --set} as on the command line; here they are parameters. */
    private static ScenarioException forHttp(ScenarioException e) {
        String m = e.getMessage();
        return m.startsWith("--" + PARAM) ? new ScenarioException(e.key(), m.substring(2)) : ScenarioRequest.forHttp(e);
    }

    /**
     * A run's points must stay within the server's limits, as a run started by {@code POST /api/runs}: checked before
     * the sweep at the first point and the ends of a swept {@code until} or {@code points}, and again at every point
     * (an override may derive them from a swept variable).
     */
    private record WithinLimits(PointEvaluator evaluator, ServerSettings settings) implements PointEvaluator {
        static void check(Scenario first, Grid grid, ServerSettings settings) {
            double until = first.run().until();
            double points = first.run().points();
            for (Axis a : grid.axes()) {
                if (a.name().equals("until")) {
                    until = Math.max(a.start(), a.stop());
                } else if (a.name().equals("points")) {
                    points = Math.max(a.start(), a.stop());
                }
            }
            settings.checkRun((int) Math.min(points, Integer.MAX_VALUE), until);
        }

        @Override
        public String description() {
            return evaluator.description();
        }

        @Override
        public List<String> observableNames(Scenario scenario) {
            return evaluator.observableNames(scenario);
        }

        @Override
        public PointResult evaluate(Scenario scenario) {
            settings.checkRun(scenario.run().points(), scenario.run().until());
            return evaluator.evaluate(scenario);
        }
    }

    /** On a worker thread: evaluates every point (stopping if the client has gone) and returns the answer. */
    private static String run(Sweep sweep, String evaluation, BooleanSupplier clientGone) {
        PointOutcome[] outcomes = new PointOutcome[sweep.grid().size()];
        Sweep.Summary summary = sweep.run(1, o -> {
            if (clientGone.getAsBoolean()) {
                throw new CancellationException("the client has gone");
            }
            outcomes[o.point().index()] = o;
        });
        return Reports.json(toJson(sweep, evaluation, summary, Arrays.asList(outcomes)));
    }

    /**
     * The sweep as JSON: its scenario, method and grid, the observables every point reports, every point in grid order
     * (the columns of {@code results.csv}: the swept values, each observable's value and error, converged, unique,
     * relaxation time, t (null for a steady state computed directly), seconds, status and reason) and how it went.
     */
    static ObjectNode toJson(Sweep sweep, String evaluation, Sweep.Summary summary, List<PointOutcome> outcomes) {
        ObjectNode root = Reports.object();
        root.put("scenario", sweep.base().name());
        root.put("method", sweep.base().method());
        root.put(EVALUATION, evaluation);
        root.put("description", sweep.evaluator().description());
        ArrayNode axes = root.putArray("parameters");
        for (Axis a : sweep.grid().axes()) {
            ObjectNode p = axes.addObject();
            p.put("name", a.name());
            p.put("scale", a.scale().name().toLowerCase(Locale.ROOT));
            Reports.number(p, "start", a.start());
            Reports.number(p, "stop", a.stop());
            p.put("count", a.count());
        }
        ArrayNode names = root.putArray("observables");
        sweep.observables().forEach(names::add);
        ArrayNode points = root.putArray("points");
        for (PointOutcome o : outcomes) {
            ObjectNode p = points.addObject();
            p.put("point", o.point().index());
            ObjectNode at = p.putObject("parameters");
            for (int k = 0; k < sweep.grid().axes().size(); k++) {
                Reports.number(at, sweep.grid().axes().get(k).name(), o.point().values().get(k));
            }
            p.put("status", o.failed() ? "failed" : "ok");
            if (o.failed()) {
                p.put("reason", o.failure());
            } else {
                p.putNull("reason");
            }
            PointResult r = o.result();
            ObjectNode values = p.putObject("values");
            ObjectNode errors = p.putObject("errors");
            for (String name : sweep.observables()) {
                Estimate e = r == null ? null : r.observables().values().get(name);
                Reports.number(values, name, e == null ? Double.NaN : e.value());
                Reports.number(errors, name, e == null ? Double.NaN : e.error());
            }
            if (r == null) {
                p.putNull("converged");
                p.putNull("unique");
            } else {
                p.put("converged", r.converged());
                p.put("unique", r.unique());
            }
            Reports.number(p, "relaxation_time", r == null ? Double.NaN : r.relaxationTime());
            Reports.number(p, "t", r == null ? Double.NaN : r.time());
            Reports.number(p, "seconds", o.seconds());
        }
        root.put("failed", summary.failed());
        root.put("not_converged", summary.notConverged());
        root.put("threads", summary.threads());
        Reports.number(root, "wall_seconds", summary.wallSeconds());
        Reports.number(root, "cpu_seconds", summary.cpuSeconds());
        return root;
    }
}
