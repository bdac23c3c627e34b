package org.geoprospect.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.geoprospect.core.Cancellation;
import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessResult;
import org.geoprospect.process.ProcessRunner;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's side of the native worker: runs the processes that use native code in a child JVM (started on first
 * use, restarted after it dies), the others here. The worker owns the engine and the model cache, so a second
 * prediction with the same model does not load it again. A crash, a kill or an out-of-memory exit fails the
 * executions running in the worker with a message saying how it died (signal and native frame), and the host goes
 * on; an execution that does not stop within {@link Builder#optCancelGrace the grace period} after its cancellation
 * (dismissal, time limit) has the worker killed. Thread-safe; close it when the host stops.
 */
public final class NativeWorker implements ProcessRunner {
    private static final Logger LOG = Logger.getLogger(NativeWorker.class.getName());

    private final List<String> command;
    private final Path folder;
    private final Duration startTimeout;
    private final Duration cancelGrace;
    private final ProcessBuilder.Redirect output;
    private final AtomicLong ids = new AtomicLong();
    private Connection current;
    private int starts;
    private boolean closed;

    private NativeWorker(Builder b) throws IOException {
        this.folder = Files.createDirectories(b.folder);
        this.startTimeout = b.startTimeout;
        this.cancelGrace = b.cancelGrace;
        this.output = b.output;
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx" + (b.heapBytes >> 20) + "m");
        c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-XX:ErrorFile=" + folder.toAbsolutePath().resolve("hs_err_pid%p.log"));
        c.add("-Djava.awt.headless=true");
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("geoprospect.") || k.startsWith("ai.djl."))
                .forEach(k -> c.add("-D" + k + "=" + System.getProperty(k)));
        c.addAll(b.jvmOptions);
        c.add("-cp");
        c.add(b.classPath);
        c.add(WorkerMain.class.getName());
        c.add(b.modelStore.toAbsolutePath().toString());
        this.command = List.copyOf(c);
    }

    /**
     * @param folder     where the worker's crash reports go (the socket lives in a private temporary folder)
     * @param modelStore the host's model store: the worker's model library, and the cache in front of it
     */
    public static Builder builder(Path folder, Path modelStore) {
        return new Builder(folder, modelStore);
    }

    /** Configures a {@link NativeWorker}. */
    public static final class Builder {
        private final Path folder;
        private final Path modelStore;
        private String classPath = System.getProperty("java.class.path");
        private long heapBytes = Runtime.getRuntime().maxMemory();
        private final List<String> jvmOptions = new ArrayList<>();
        private Duration startTimeout = Duration.ofMinutes(2);
        private Duration cancelGrace = Duration.ofSeconds(30);
        private ProcessBuilder.Redirect output = ProcessBuilder.Redirect.INHERIT;

        private Builder(Path folder, Path modelStore) {
            this.folder = folder;
            this.modelStore = modelStore;
        }

        /** The worker's class path (default: this JVM's); a plugin host passes its own jars. */
        public Builder optClassPath(String classPath) {
            this.classPath = classPath;
            return this;
        }

        /** The worker's Java heap (default: this JVM's maximum); native tensors live outside it. */
        public Builder optHeapBytes(long heapBytes) {
            this.heapBytes = heapBytes;
            return this;
        }

        /** More JVM options for the worker. */
        public Builder optJvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** How long a starting worker may take to load the engine and say it is ready (default 2 minutes). */
        public Builder optStartTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** How long a cancelled execution may take to stop before the worker is killed (default 30 s). */
        public Builder optCancelGrace(Duration cancelGrace) {
            this.cancelGrace = cancelGrace;
            return this;
        }

        /** Where the worker's standard output and error go (default: this JVM's). */
        public Builder optOutput(ProcessBuilder.Redirect output) {
            this.output = output;
            return this;
        }

        public NativeWorker build() throws IOException {
            return new NativeWorker(this);
        }
    }

    @Override
    public ProcessResult run(GeoProcess process, ProcessInputs inputs, ProcessContext context) {
        if (!process.usesNativeEngine()) {
            return process.execute(inputs, context);
        }
        String id = process.description().identifier();
        ObjectNode request = WorkerChannel.message("run").put("process", id);
        ObjectNode in = request.putObject("inputs");
        inputs.given().forEach((input, values) -> values.forEach(in.withArray(input)::add));
        ObjectNode targets = request.putObject("outputs");
        for (OutputDescription o : process.description().outputs()) {
            Path target = context.outputTarget().apply(o.identifier());
            if (target != null) {
                targets.put(o.identifier(), target.toAbsolutePath().toString());
            }
        }
        JsonNode done = call(id, request, context.progress(), context.cancellation());
        Map<String, Object> outputs = new LinkedHashMap<>();
        done.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().has("file")
                ? Path.of(e.getValue().get("file").asText()) : literal(e.getValue().get("value"))));
        List<String> warnings = new ArrayList<>();
        done.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new ProcessResult(outputs, warnings);
    }

    private static Object literal(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        return v.isBoolean() ? (Object) v.asBoolean() : v.asText();
    }

    /**
     * A few training steps of a network in the worker ({@link org.geoprospect.learn.TrainingStepCheck}).
     *
     * @return the losses of the steps and their wall time
     * @throws ExecutionFailedException if the steps failed or killed the worker (the message says how)
     */
    public StepCheck check(String network, int channels, int inputSize, int batch, int steps) {
        ObjectNode request = WorkerChannel.message("check").put("network", network).put("channels", channels)
                .put("inputSize", inputSize).put("batch", batch).put("steps", steps);
        JsonNode r = call("the " + network + " training check", request, (f, m) -> { }, Cancellation.none());
        List<Double> losses = new ArrayList<>();
        r.path("losses").forEach(l -> losses.add(l.asDouble()));
        return new StepCheck(losses, r.path("seconds").asDouble());
    }

    /** The outcome of {@link #check}. */
    public record StepCheck(List<Double> losses, double seconds) {
    }

    /**
     * Starts the worker now unless it runs, so that the first job does not wait for it.
     *
     * @return what the worker said when it was ready: its {@code pid} and {@code engine}
     *         ({@link org.geoprospect.learn.EngineInfo} as JSON)
     * @throws ExecutionFailedException if it cannot start
     */
    public JsonNode start() {
        return connection().ready;
    }

    /** @return the running worker's process id, or -1 when none runs */
    public synchronized long pid() {
        return current != null && current.process.isAlive() ? current.process.pid() : -1;
    }

    /** @return the executions running in the worker now (0 when none runs): a host's status, and its tests' */
    public synchronized int running() {
        return current != null && current.alive ? current.calls.size() : 0;
    }

    /** @return how many workers have been started so far */
    public synchronized int starts() {
        return starts;
    }

    /** Stops the worker: executions still running in it fail. */
    @Override
    public void close() {
        Connection c;
        synchronized (this) {
            closed = true;
            c = current;
            current = null;
        }
        if (c != null) {
            c.stop("the host is stopping");
        }
    }

    private JsonNode call(String what, ObjectNode request, ProgressListener progress, Cancellation cancellation) {
        Connection c = connection();
        long id = ids.incrementAndGet();
        Call call = new Call(what, progress);
        c.calls.put(id, call);
        request.put("id", id);
        try {
            c.channel.send(request);
        } catch (IOException e) {
            c.calls.remove(id);
            throw new ExecutionFailedException("cannot reach the native worker: " + e.getMessage(), e);
        }
        long cancelledAt = 0;
        while (true) {
            try {
                return answer(call.answer.get(200, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                if (cancellation.isRequested() && cancelledAt == 0) {
                    cancelledAt = System.nanoTime();
                    call.cancelled = true;
                    try {
                        c.channel.send(WorkerChannel.message("cancel").put("id", id));
                    } catch (IOException ignored) {
                        // the worker is going; the reader fails the call
                    }
                } else if (cancelledAt != 0 && System.nanoTime() - cancelledAt > cancelGrace.toNanos()) {
                    c.kill(what + " did not stop within " + cancelGrace.toSeconds() + " s of being cancelled");
                    cancelledAt = Long.MAX_VALUE / 2; // killed once; the reader now fails every call
                }
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
            }
        }
    }

    private static JsonNode answer(JsonNode answer) {
        if (!answer.path("type").asText().equals("failed")) {
            return answer;
        }
        String message = answer.path("message").asText();
        switch (answer.path("kind").asText()) {
            case "invalid" -> throw new InvalidInputException(answer.path("input").isNull() ? null
                    : answer.path("input").asText(null), message);
            case "cancelled" -> throw new CancelledException();
            default -> throw new ExecutionFailedException(message, null);
        }
    }

    private synchronized Connection connection() {
        if (closed) {
            throw new ExecutionFailedException("the native worker is closed: the host is stopping", null);
        }
        if (current == null || !current.alive) {
            current = startWorker();
        }
        return current;
    }

    private Connection startWorker() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("geoprospect-worker",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path socketFile = dir.resolve("socket");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socketFile));
                server.configureBlocking(false);
                List<String> cmd = new ArrayList<>(command);
                cmd.add(socketFile.toString());
                Process process = new ProcessBuilder(cmd).redirectOutput(output).redirectError(output).start();
                starts++;
                long deadline = System.nanoTime() + startTimeout.toNanos();
                SocketChannel socket;
                while ((socket = server.accept()) == null) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new ExecutionFailedException("the native worker did not start: " + (process.isAlive()
                                ? "no answer within " + startTimeout.toSeconds() + " s"
                                : exit(process)), null);
                    }
                    Thread.sleep(20);
                }
                socket.configureBlocking(true);
                Connection c = new Connection(process, new WorkerChannel(socket));
                c.awaitReady(deadline);
                LOG.info("native worker " + process.pid() + " ready: " + c.ready.path("engine"));
                return c;
            }
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot start the native worker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            deleteQuietly(dir);
        }
    }

    private String exit(Process process) {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            return "it stopped answering";
        }
        Path report = folder.resolve("hs_err_pid" + process.pid() + ".log");
        if (Files.exists(report)) {
            LOG.warning("native worker " + process.pid() + " crashed; its report: " + report.toAbsolutePath());
        }
        return WorkerExit.describe(process.exitValue(), report);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warning("cannot delete " + dir + ": " + e.getMessage());
        }
    }

    /** One execution waiting for the worker's answer. */
    private static final class Call {
        final String what;
        final ProgressListener progress;
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        volatile boolean cancelled;

        Call(String what, ProgressListener progress) {
            this.what = what;
            this.progress = progress;
        }
    }

    /** One worker process and the reader of its messages. */
    private final class Connection {
        final Process process;
        final WorkerChannel channel;
        final Map<Long, Call> calls = new ConcurrentHashMap<>();
        final CompletableFuture<JsonNode> readyAnswer = new CompletableFuture<>();
        volatile boolean alive = true;
        volatile String killedBecause;
        JsonNode ready;

        Connection(Process process, WorkerChannel channel) {
            this.process = process;
            this.channel = channel;
            Thread reader = new Thread(this::read, "geoprospect-worker-reader-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady(long deadline) throws InterruptedException {
            try {
                ready = readyAnswer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                kill("it did not say it was ready");
                throw new ExecutionFailedException("the native worker did not start: " + (e.getCause() != null
                        ? e.getCause().getMessage() : "no answer within " + startTimeout.toSeconds() + " s"), null);
            }
        }

        private void read() {
            try {
                for (ObjectNode m = channel.receive(); m != null; m = channel.receive()) {
                    String type = m.path("type").asText();
                    if (type.equals("ready")) {
                        readyAnswer.complete(m);
                        continue;
                    }
                    Call call = type.equals("progress") ? calls.get(m.path("id").asLong())
                            : calls.remove(m.path("id").asLong());
                    if (call == null) {
                        continue;
                    }
                    if (type.equals("progress")) {
                        report(call, m.path("fraction").asDouble(), m.path("message").asText());
                    } else {
                        call.answer.complete(m);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (killedBecause == null) {
                    LOG.warning("native worker " + process.pid() + ": " + e);
                }
            }
            died();
        }

        /** A host's listener that throws loses that report, never the connection (and the other jobs on it). */
        private void report(Call call, double fraction, String message) {
            try {
                call.progress.progress(fraction, message);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "progress listener of " + call.what + " failed", e);
            }
        }

        /** The worker has gone: every call still waiting fails, saying how it went. */
        private void died() {
            alive = false;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a dead socket
            }
            String how = killedBecause != null ? "it was stopped because " + killedBecause : exit(process);
            readyAnswer.completeExceptionally(new ExecutionFailedException(how, null));
            for (Long id : List.copyOf(calls.keySet())) {
                Call call = calls.remove(id);
                if (call == null) {
                    continue;
                }
                call.answer.completeExceptionally(call.cancelled ? new CancelledException()
                        : new ExecutionFailedException("the native worker running " + call.what + " died: " + how
                        + "; the host is fine and the next job starts a new worker", null));
            }
            if (!process.isAlive()) {
                LOG.warning("native worker " + process.pid() + " ended: " + how);
            }
        }

        void kill(String because) {
            killedBecause = Objects.requireNonNull(because);
            LOG.warning("killing native worker " + process.pid() + ": " + because);
            try {
                process.destroyForcibly().onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warning("native worker " + process.pid() + " outlived SIGKILL: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // the reader notices either way
            }
        }

        void stop(String because) {
            killedBecause = because;
            try {
                channel.close(); // the worker exits when its host has gone
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
