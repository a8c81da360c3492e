package io.coherent.observers;

import io.coherent.integrators.Sample;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * The durable trajectory writer: every sample of the run, in order, to {@code DIR/trajectory.csv} and
 * {@code DIR/trajectory.jsonl}. The lines of each message (a batch of samples) go to each file with one
 * write, before the message is acknowledged, so a killed run leaves whole lines up to its last batch. It runs
 * as a worker verticle, so disk writes never block an event loop; the run waits for it when it falls behind
 * (acknowledgement window).
 */
public final class TrajectoryWriter extends SampleObserver {
    private final Path directory;
    private final TrajectoryCsvWriter csv;
    private final JsonLinesWriter jsonl;

    /** The files are created (and existing ones replaced) right away, so a bad directory fails before the run. */
    public TrajectoryWriter(RunAddress run, Path directory, List<String> observableNames) {
        super("writer", List.of(run));
        this.directory = directory;
        this.csv = new TrajectoryCsvWriter(directory, observableNames);
        this.jsonl = new JsonLinesWriter(directory);
    }

    public Path csvFile() {
        return csv.file();
    }

    public Path jsonLinesFile() {
        return jsonl.file();
    }

    /** File I/O belongs on a worker thread. */
    @Override
    public DeploymentOptions deploymentOptions() {
        return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        csv.append(sample);
        jsonl.append(sample);
    }

    @Override
    protected void onBatchEnd(RunAddress run) {
        csv.flush();
        jsonl.flush();
    }

    @Override
    protected JsonObject summary() {
        return new JsonObject().put("directory", directory.toString()).put("csv", csv.file().toString())
                .put("jsonl", jsonl.file().toString()).put("rows", csv.rows());
    }

    @Override
    public Future<?> stop() throws Exception {
        csv.close();
        jsonl.close();
        return super.stop();
    }
}
