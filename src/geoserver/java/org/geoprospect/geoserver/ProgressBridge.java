package org.geoprospect.geoserver;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geotools.util.SimpleInternationalString;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GeoTools' progress listener and ours, both ways. GeoServer's listener may only be called on the execution's own
 * thread (it keeps the execution id there, and a dismissed job throws from it), so the work runs on a thread of
 * its own and the execution thread relays: four times a second it hands the latest fraction and message to
 * GeoServer (WPS percentCompleted) and turns GeoServer's cancel (a dismissed job) into our cancellation, which
 * reaches the worker JVM.
 */
final class ProgressBridge implements ProgressListener {
    private static final long RELAY_MILLIS = 250;

    private final org.geotools.api.util.ProgressListener monitor;
    private final Cancellation cancellation = new Cancellation();
    private volatile double fraction = -1;
    private volatile String message;

    ProgressBridge(org.geotools.api.util.ProgressListener monitor) {
        this.monitor = monitor;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void progress(double fraction, String message) {
        this.fraction = fraction;
        this.message = message;
    }

    /** Runs the work on a thread of its own while this thread relays progress and cancellation. */
    <T> T run(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, "geoprospect-" + name);
        thread.setDaemon(true);
        thread.start();
        RuntimeException dismissed = null;
        double relayed = -1;
        if (monitor != null) {
            monitor.started();
        }
        while (true) {
            try {
                T result = task.get(RELAY_MILLIS, TimeUnit.MILLISECONDS);
                if (dismissed != null) {
                    throw dismissed;
                }
                return result;
            } catch (TimeoutException e) {
                if (monitor == null || dismissed != null) {
                    continue;
                }
                try {
                    if (monitor.isCanceled()) {
                        cancellation.cancel();
                    }
                    double f = fraction;
                    if (f > relayed) {
                        relayed = f;
                        String m = message;
                        if (m != null && !m.isBlank()) {
                            monitor.setTask(new SimpleInternationalString(m));
                        }
                        // GeoServer reports 100 % once the outputs are encoded
                        monitor.progress((float) Math.min(99, 100 * f));
                    }
                } catch (RuntimeException stop) { // GeoServer's listener throws on a dismissed execution
                    dismissed = stop;
                    cancellation.cancel();
                }
            } catch (InterruptedException e) {
                cancellation.cancel();
                Thread.currentThread().interrupt();
                throw e;
            } catch (ExecutionException e) {
                if (dismissed != null) {
                    throw dismissed;
                }
                throw e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause());
            }
        }
    }
}
