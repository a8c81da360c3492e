package io.coherent.app.server;

import io.coherent.app.sweep.ScenarioSource;
import io.coherent.config.ModelLimits;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.config.ScenarioLoader;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a request that names a scenario carries: the scenario as text in the body (YAML or JSON, the schema of
 * scenario files) and {@code set=KEY=VALUE} query parameters, applied in order after the text exactly as the command
 * line's {@code --set} (so a client can change a preset's parameters or a file's keys without editing the text).
 *
 * @param text      the body, decoded as UTF-8
 * @param overrides the {@code set} query parameters, in order
 */
record ScenarioRequest(String text, List<String> overrides) {
    /** The query parameter of the overrides. */
    static final String SET = "set";
    private static final String CLI_NAME = "--set";

    ScenarioRequest {
        overrides = List.copyOf(overrides);
    }

    /** The request's scenario; an {@link IllegalArgumentException} with a one-line message if the body is not UTF-8. */
    static ScenarioRequest of(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return new ScenarioRequest(text, ctx.queryParam(SET));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the scenario must be UTF-8 text (YAML or JSON)");
        }
    }

    /**
     * Loads and validates the scenario as the command line loads a file with {@code --set}: the same checks and
     * messages, with {@value RunServer#SOURCE} where a file name would be and {@code set} where the command line
     * says {@code --set}; a model larger than {@code limits} is refused naming its key.
     */
    Scenario load(ModelLimits limits) {
        try {
            return ScenarioLoader.loadFileText(text, Path.of(RunServer.SOURCE), overrides, limits);
        } catch (ScenarioException e) {
            throw forHttp(e);
        }
    }

    /** The scenario for a sweep, which loads it again at every point with the point's overrides. */
    ScenarioSource source() {
        return new ScenarioSource(null, RunServer.SOURCE, text);
    }

    /** A loader's message as the HTTP API says it: the overrides are the {@code set} parameter, not {@code --set}. */
    static ScenarioException forHttp(ScenarioException e) {
        return e.getMessage().startsWith(CLI_NAME)
                ? new ScenarioException(e.key(), SET + e.getMessage().substring(CLI_NAME.length())) : e;
    }
}
