package org.geoprospect.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker process ended, in words for a job's error message: the signal and native frame of a crash (from the
 * JVM's fatal error report), a kill by signal, a Java heap exhausted, or a plain exit status. Never a server path.
 */
final class WorkerExit {
    /** The JVM's exit status with {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY = 3;
    private static final Pattern SIGNAL = Pattern.compile("^#\\s+(SIG[A-Z]+) \\(0x[0-9a-f]+\\)");
    private static final Map<Integer, String> SIGNALS = Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private WorkerExit() {
    }

    /**
     * @param status      the process's exit status (128 + n when a signal n ended it)
     * @param crashReport the JVM's fatal error report for that process, which exists only after a crash
     */
    static String describe(int status, Path crashReport) {
        if (Files.isRegularFile(crashReport)) {
            try {
                return crash(Files.readAllLines(crashReport));
            } catch (IOException e) {
                return "it crashed in native code (its crash report cannot be read: " + e.getMessage() + ")";
            }
        }
        if (status > 128) {
            int signal = status - 128;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            return "it was killed by " + name + (signal == 9 ? " (the kernel's out-of-memory killer, or an "
                    + "administrator)" : "");
        }
        if (status == OUT_OF_MEMORY) {
            return "it ran out of Java heap memory; give the worker more (its -Xmx) or the job less data";
        }
        return "it exited with status " + status;
    }

    private static String crash(List<String> report) {
        String signal = "a fatal error";
        String frame = null;
        for (int i = 0; i < report.size(); i++) {
            Matcher m = SIGNAL.matcher(report.get(i));
            if (m.find() && signal.equals("a fatal error")) {
                signal = m.group(1);
            }
            if (report.get(i).startsWith("# Problematic frame:") && i + 1 < report.size()) {
                frame = report.get(i + 1).replaceFirst("^#\\s*", "").replaceFirst("^[CJjVv]\\s+", "").strip();
            }
        }
        return "it crashed with " + signal + " in native code" + (frame == null ? "" : " at " + frame);
    }
}
