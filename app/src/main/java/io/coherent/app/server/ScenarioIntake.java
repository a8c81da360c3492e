package io.coherent.app.server;

import io.coherent.config.ScenarioException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How every request that carries a scenario ({@code POST /api/runs}, {@code /api/steady}, {@code /api/sweep}) is taken
 * in, in one order: the body read as UTF-8 text ({@link ScenarioRequest}); the request checked on a worker thread (the
 * scenario loaded and validated within the server's limits, and what else the endpoint checks); only then one of the
 * server's run places taken ({@code --max-runs}), since the work occupies a core. So a bad request is a 400 however
 * busy the server is, and every refusal is counted in {@code /metrics}: {@code invalid} (400), {@code busy} (429).
 *
 * @param errors how the server answers an error (counted by status)
 */
record ScenarioIntake(Vertx vertx, ServerSettings settings, ServerMetrics metrics, ScenarioIntake.ErrorReply errors) {
    /** On a worker thread: the request checked and made ready, or an {@link IllegalArgumentException} (a 400). */
    interface Check<T> {
        T check(ScenarioRequest request);
    }

    /** How the server answers an error: {@code {"error": message, "status": status}}. */
    interface ErrorReply {
        void send(RoutingContext ctx, int status, String message);
    }

    /** On a worker thread, holding a run place: the answer to a checked request, as JSON text. */
    interface Answer<T> {
        String answer(T checked, BooleanSupplier clientGone);
    }

    /**
     * Takes the request in and hands it, checked, to {@code admitted} on the event loop, a run place reserved for it:
     * {@code admitted} answers the client and releases the place when its work ends. A client that has left meanwhile
     * changes nothing here (a run goes on without the client that started it, listed and cancellable).
     */
    <T> void admit(RoutingContext ctx, Check<T> check, Consumer<T> admitted) {
        take(ctx, check, () -> false, admitted);
    }

    /**
     * Takes the request in and answers it with the JSON {@code answer} computes on a worker thread, holding a run place
     * meanwhile. A client that leaves, at any moment from its request's arrival on, is noticed: before the place is
     * taken nothing is computed; afterwards {@code answer} is told, to stop at its next chance.
     */
    <T> void answer(RoutingContext ctx, Check<T> check, Answer<T> answer) {
        // watched from the start: a close handler set once the request has been checked would never hear of a client
        // that left during the check, and its work would go on for nobody
        AtomicBoolean gone = new AtomicBoolean(ctx.response().closed());
        ctx.response().closeHandler(v -> gone.set(true));
        take(ctx, check, gone::get, checked -> vertx.executeBlocking(() -> answer.answer(checked, gone::get), false)
                .onComplete(ar -> {
                    metrics.releaseRun();
                    if (gone.get()) {
                        return;
                    }
                    if (ar.failed()) {
                        fail(ctx, ar.cause());
                    } else {
                        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(ar.result());
                    }
                }));
    }

    private <T> void take(RoutingContext ctx, Check<T> check, BooleanSupplier gone, Consumer<T> admitted) {
        ScenarioRequest request;
        try {
            request = ScenarioRequest.of(ctx);
        } catch (IllegalArgumentException e) {
            fail(ctx, e);
            return;
        }
        vertx.executeBlocking(() -> check.check(request), false).onComplete(checked -> {
            if (checked.failed()) {
                fail(ctx, checked.cause());
            } else if (gone.getAsBoolean()) {
                metrics.refused("gone"); // nobody to answer: no place taken, nothing computed
            } else if (!metrics.reserveRun(settings.maxRunningRuns())) {
                metrics.refused("busy");
                errors.send(ctx, 429, settings.maxRunningRuns() + " runs are going already (the server's limit, "
                        + "--max-runs); try again when one has ended");
            } else {
                admitted.accept(checked.result());
            }
        });
    }

    /**
     * A request that failed: a 400 with the one-line message for what the client got wrong (counted as refused,
     * {@code invalid}), else to the router's 500.
     */
    void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof IllegalArgumentException bad) {
            metrics.refused("invalid");
            errors.send(ctx, 400, ScenarioException.oneLine(bad.getMessage()));
        } else {
            ctx.fail(cause);
        }
    }
}
