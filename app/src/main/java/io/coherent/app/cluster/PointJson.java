package io.coherent.app.cluster;

import io.coherent.app.sweep.Grid;
import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.PointResult;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point's outcome on the event bus, exact to the last bit: {@code {"point": 7, "seconds": 0.0013, "result":
 * {"observables": [["Jx", value, error], ...], "converged": true, "relaxation_time": 81.8, "t": "Infinity"}}} or
 * {@code {"point": 7, "seconds": ..., "failure": "why"}}. Finite numbers are JSON numbers (written and read back by
 * Jackson as {@link Double#toString} / {@link Double#parseDouble} do), NaN and infinities their Java text.
 */
final class PointJson {

    private PointJson() {
    }

    static JsonObject encode(PointOutcome o) {
        JsonObject json = new JsonObject().put("point", o.point().index()).put("seconds", number(o.seconds()));
        if (o.failed()) {
            return json.put("failure", o.failure());
        }
        PointResult r = o.result();
        JsonArray observables = new JsonArray();
        for (Map.Entry<String, Estimate> e : r.observables().values().entrySet()) {
            observables.add(new JsonArray().add(e.getKey()).add(number(e.getValue().value()))
                    .add(number(e.getValue().error())));
        }
        return json.put("result", new JsonObject().put("observables", observables).put("converged", r.converged()).put("unique", r.unique())
                .put("relaxation_time", number(r.relaxationTime())).put("t", number(r.time())));
    }

    /** The outcome at {@code grid}'s point; a malformed message is an {@link IllegalArgumentException}. */
    static PointOutcome decode(JsonObject json, Grid grid) {
        try {
            int index = json.getInteger("point");
            if (index < 0 || index >= grid.size()) {
                throw new IllegalArgumentException("point " + index + " is not in the grid of " + grid.size());
            }
            Grid.Point point = grid.point(index);
            double seconds = number(json.getValue("seconds"));
            if (json.containsKey("failure")) {
                return new PointOutcome(point, null, json.getString("failure"), seconds);
            }
            JsonObject r = json.getJsonObject("result");
            Map<String, Estimate> values = new LinkedHashMap<>();
            for (Object o : r.getJsonArray("observables")) {
                JsonArray e = (JsonArray) o;
                values.put(e.getString(0), new Estimate(number(e.getValue(1)), number(e.getValue(2))));
            }
            return new PointOutcome(point, new PointResult(new ObservableSet(values), r.getBoolean("converged"),
                    r.getBoolean("unique", true),
                    number(r.getValue("relaxation_time")), number(r.getValue("t"))), null, seconds);
        } catch (ClassCastException | NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("not a point outcome: " + e + ": " + json.encode());
        }
    }

    private static Object number(double v) {
        return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    private static double number(Object json) {
        return json instanceof Number n ? n.doubleValue() : Double.parseDouble((String) json);
    }
}
