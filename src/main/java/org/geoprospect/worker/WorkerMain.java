package org.geoprospect.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.learn.ModelLibrary;
import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.TrainingStepCheck;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessRegistry;
import org.geoprospect.process.ProcessResult;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker process: connects to its host's socket, says it is ready (with the engine it loaded), then runs each
 * execution it is sent in a thread of its own, reporting progress and the result, until the host goes away. Its
 * processes share one model library on the host's store, so a model stays cached from one execution to the
 * next; it is closed when the host goes.
 */
public final class WorkerMain {
    private final WorkerChannel channel;
    private final ModelLibrary models;
    private final ProcessRegistry processes = ProcessRegistry.standard();
    private final Map<Long, Cancellation> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "geoprospect-worker-job");
        t.setDaemon(true);
        return t;
    });

    private WorkerMain(WorkerChannel channel, ModelLibrary models) {
        this.channel = channel;
        this.models = models;
    }

    /** @param args the host's model store, then its socket path */
    public static void main(String[] args) throws IOException {
        var socket = java.nio.channels.SocketChannel.open(StandardProtocolFamily.UNIX);
        socket.connect(UnixDomainSocketAddress.of(Path.of(args[1])));
        try (WorkerChannel channel = new WorkerChannel(socket);
             ModelLibrary models = new ModelLibrary(Path.of(args[0]))) {
            new WorkerMain(channel, models).serve();
        }
        System.exit(0); // the host has gone: so must every execution still running here
    }

    private void serve() throws IOException {
        EngineInfo engine = EngineInfo.current();
        ObjectNode ready = WorkerChannel.message("ready").put("pid", ProcessHandle.current().pid());
        ready.set("engine", WorkerChannel.JSON.valueToTree(engine));
        channel.send(ready);
        for (ObjectNode next = channel.receive(); next != null; next = channel.receive()) {
            ObjectNode m = next;
            long id = m.path("id").asLong();
            switch (m.path("type").asText()) {
                case "run" -> {
                    Cancellation cancellation = new Cancellation();
                    running.put(id, cancellation);
                    threads.execute(() -> answer(id, () -> run(id, m, cancellation)));
                }
                case "cancel" -> {
                    Cancellation c = running.get(id);
                    if (c != null) {
                        c.cancel();
                    }
                }
                case "check" -> threads.execute(() -> answer(id, () -> check(m)));
                default -> System.err.println("worker: unknown message " + m);
            }
        }
    }

    private interface Work {
        ObjectNode call() throws Exception;
    }

    /** Sends the work's answer, or its failure, for execution {@code id}. */
    private void answer(long id, Work work) {
        ObjectNode answer;
        try {
            answer = work.call();
        } catch (InvalidInputException e) {
            answer = failure("invalid", e.getMessage()).put("input", e.input());
        } catch (CancelledException e) {
            answer = failure("cancelled", e.getMessage());
        } catch (Exception | Error e) {
            answer = failure("failed", e.getMessage() == null ? e.toString() : e.getMessage());
            e.printStackTrace();
        } finally {
            running.remove(id);
        }
        answer.put("id", id);
        try {
            channel.send(answer);
        } catch (IOException e) {
            System.err.println("worker: cannot answer execution " + id + ": " + e.getMessage());
        }
    }

    private static ObjectNode failure(String kind, String message) {
        return WorkerChannel.message("failed").put("kind", kind).put("message", message);
    }

    private ObjectNode run(long id, ObjectNode m, Cancellation cancellation) {
        GeoProcess process = processes.get(m.path("process").asText()).orElseThrow(() ->
                new IllegalArgumentException("the worker has no process '" + m.path("process").asText() + "'"));
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            raw.put(e.getKey(), values);
        }
        JsonNode targets = m.path("outputs");
        ProcessContext context = new ProcessContext((fraction, message) -> {
            try {
                channel.send(WorkerChannel.message("progress").put("id", id).put("fraction", fraction)
                        .put("message", message));
            } catch (IOException e) {
                cancellation.cancel(); // the host has gone
            }
        }, cancellation, output -> targets.hasNonNull(output) ? Path.of(targets.get(output).asText()) : null,
                models);
        ProcessResult result = process.execute(ProcessInputs.of(process.description(), raw), context);
        ObjectNode done = WorkerChannel.message("done");
        ObjectNode outputs = done.putObject("outputs");
        result.outputs().forEach((output, value) -> {
            ObjectNode o = outputs.putObject(output);
            if (value instanceof Path file) {
                o.put("file", file.toString());
            } else {
                o.set("value", WorkerChannel.JSON.valueToTree(value));
            }
        });
        result.warnings().forEach(done.putArray("warnings")::add);
        return done;
    }

    private static ObjectNode check(ObjectNode m) {
        TrainingStepCheck.Result r = TrainingStepCheck.run(NetworkArchitecture.fromId(m.path("network").asText()),
                m.path("channels").asInt(), m.path("inputSize").asInt(), m.path("batch").asInt(),
                m.path("steps").asInt());
        ObjectNode checked = WorkerChannel.message("checked").put("seconds", r.seconds());
        r.losses().forEach(checked.putArray("losses")::add);
        return checked;
    }
}
