package org.geoprospect.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.geoprospect.learn.TrainingThroughput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Python's side of {@link TrainComparison}: {@code torch_train_benchmark.py --serve} in a subprocess, which builds
 * torchvision's network, says what it runs on (one JSON line), then takes one step per request and answers with its
 * wall and CPU time. Never throws for Python's failures: {@link #info()} or {@link #step} answer null and
 * {@link #problem()} says why (exit status 3: torch or torchvision is not installed). Not thread-safe.
 */
final class PythonTorchSide implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The script's exit status when torch or torchvision cannot be imported. */
    private static final int NO_TORCH = 3;

    private final Process process;
    private final Path errors;
    private final BufferedReader answers;
    private final Writer requests;
    private String problem;

    private PythonTorchSide(Process process, Path errors, String problem) {
        this.process = process;
        this.errors = errors;
        this.problem = problem;
        this.answers = process == null ? null
                : new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = process == null ? null
                : new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * @param command the interpreter, the script and its options ({@code --serve} is added)
     * @param errors  where the script's standard error goes
     */
    static PythonTorchSide start(List<String> command, Path errors) {
        List<String> cmd = new java.util.ArrayList<>(command);
        cmd.add("--serve");
        try {
            return new PythonTorchSide(new ProcessBuilder(cmd).redirectError(errors.toFile()).start(), errors, null);
        } catch (IOException e) {
            return new PythonTorchSide(null, errors, "Python PyTorch is not available: cannot run " + command.get(0)
                    + " (" + e.getMessage() + "); install python3-torch and python3-torchvision, or name the "
                    + "interpreter with --python");
        }
    }

    /** @return what the script runs on (versions, threads, oneDNN, parameters), or null when it did not start */
    JsonNode info() {
        return read();
    }

    /**
     * @param mode {@code train} or {@code infer}
     * @return the step's wall and CPU time, or null when Python's side failed
     */
    TrainingThroughput.Timing step(String mode) {
        if (problem != null) {
            return null;
        }
        try {
            requests.write(mode + "\n");
            requests.flush();
        } catch (IOException e) {
            return fail();
        }
        JsonNode t = read();
        return t == null ? null : new TrainingThroughput.Timing(t.path("wall").asDouble(), t.path("cpu").asDouble(),
                0);
    }

    /** @return why Python's side did not run or stopped, or null */
    String problem() {
        return problem;
    }

    /** @return whether the problem is that torch or torchvision is missing (it will not appear later) */
    boolean missing() {
        return problem != null && problem.startsWith("Python PyTorch is not available");
    }

    private JsonNode read() {
        if (problem != null) {
            return null;
        }
        try {
            String line = answers.readLine();
            return line == null ? fail() : JSON.readTree(line);
        } catch (IOException e) {
            return fail();
        }
    }

    private <T> T fail() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            String stderr = Files.isRegularFile(errors) ? Files.readString(errors).strip() : "";
            String last = stderr.isEmpty() ? "" : stderr.substring(stderr.lastIndexOf('\n') + 1);
            problem = !process.isAlive() && process.exitValue() == NO_TORCH ? last
                    : "the Python side failed (exit " + (process.isAlive() ? "?" : process.exitValue()) + "): " + last;
        } catch (IOException e) {
            problem = "the Python side failed and its messages cannot be read: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while the Python side stopped";
        }
        return null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        try {
            requests.close(); // end of input: the script ends
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
