package org.geoprospect.cli;

import org.geoprospect.core.ProgressListener;

import java.io.PrintStream;

/**
 * A progress bar on the terminal ({@code [#######.............]  35%  interpolating}), redrawn at most ten times a
 * second; where the output is not a terminal (a log, CI) it prints a plain line every 10 %.
 * Thread-safe: parallel work reports from several threads.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean terminal;
    private long lastDraw;
    private int lastDecile = -1;
    private double shown = -1;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        double f = Math.max(0, Math.min(1, fraction));
        if (f < shown) {
            return; // threads may report slightly out of order
        }
        shown = f;
        int percent = (int) Math.floor(f * 100);
        if (terminal) {
            long now = System.nanoTime();
            if (f < 1 && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(f * WIDTH);
            out.printf("\r[%s%s] %3d%%  %-40.40s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, message);
            if (f >= 1) {
                out.println();
            }
            out.flush();
        } else if (percent / 10 > lastDecile) {
            lastDecile = percent / 10;
            out.printf("%3d%%  %s%n", percent, message);
            out.flush();
        }
    }
}
