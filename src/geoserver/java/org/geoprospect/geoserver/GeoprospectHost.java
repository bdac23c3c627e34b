package org.geoprospect.geoserver;

import org.geoprospect.process.ProcessExecutor;
import org.geoprospect.worker.NativeWorker;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.platform.GeoServerResourceLoader;
import org.springframework.beans.factory.DisposableBean;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's one engine per GeoServer (a Spring singleton): the native worker that owns PyTorch, the device and
 * the model cache under {@code GEOSERVER_DATA_DIR/geoprospect/models}, and the executor every process runs through.
 * The worker starts with the first process that needs it and stops with the application context, so a native crash
 * fails that job, never GeoServer.
 */
public final class GeoprospectHost implements DisposableBean {
    private static final Logger LOG = Logger.getLogger(GeoprospectHost.class.getName());
    /** The worker's heap (e.g. {@code 4g}); default: GeoServer's maximum heap. */
    static final String WORKER_HEAP = "GEOPROSPECT_WORKER_HEAP";

    private final Path home;
    private final long workerHeap;
    private NativeWorker worker;
    private ProcessExecutor executor;

    /** Checks and logs only: a setting or folder that is wrong fails the processes that need it, never GeoServer. */
    public GeoprospectHost(GeoServerResourceLoader loader) {
        this.home = loader.getBaseDirectory().toPath().resolve("geoprospect");
        String heap = GeoServerExtensions.getProperty(WORKER_HEAP);
        long bytes = Runtime.getRuntime().maxMemory();
        if (heap != null && !heap.isBlank()) {
            try {
                bytes = bytes(heap.strip());
            } catch (IllegalArgumentException e) {
                LOG.warning("geoprospect: " + e.getMessage() + "; the worker gets GeoServer's maximum heap");
            }
        }
        this.workerHeap = bytes;
        LOG.info("geoprospect: models in " + models() + "; trainModel and predictTargets run in a worker JVM");
    }

    /** The plugin's folder in the data directory. */
    Path home() {
        return home;
    }

    /** Where trained models are stored and loaded from. */
    public Path models() {
        return home.resolve("models");
    }

    /** Where published targets and probability maps are kept. */
    Path layers() {
        return home.resolve("layers");
    }

    /** The executor, with the worker made on first use (it starts its JVM with the first native job). */
    synchronized ProcessExecutor executor() {
        if (executor == null) {
            try {
                worker = NativeWorker.builder(home.resolve("worker"), models())
                        .optClassPath(classPath(GeoprospectHost.class.getClassLoader()))
                        .optHeapBytes(workerHeap).build();
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "geoprospect: cannot prepare the worker in " + home, e);
                throw new IllegalStateException("geoprospect cannot prepare its worker; GeoServer's log says why");
            }
            executor = new ProcessExecutor(worker, null);
        }
        return executor;
    }

    synchronized NativeWorker worker() {
        executor();
        return worker;
    }

    @Override
    public synchronized void destroy() {
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * The worker's class path: the jars of the web application's class loaders (Tomcat's and Jetty's are URL class
     * loaders), else this JVM's ({@code java.class.path}, as in a test).
     */
    static String classPath(ClassLoader loader) {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(new File(url.toURI()).getPath());
                        } catch (URISyntaxException e) {
                            entries.add(url.getPath());
                        }
                    }
                }
            }
        }
        String own = System.getProperty("java.class.path");
        if (own != null && !own.isBlank()) {
            entries.add(own);
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A heap size as the JVM's -Xmx takes it ({@code 4g}, {@code 512m}, {@code 4GB}), at least 64 MiB. */
    static long bytes(String given) {
        String size = given.toLowerCase(java.util.Locale.ROOT).replaceFirst("([kmg])b$", "$1");
        char unit = size.isEmpty() ? ' ' : size.charAt(size.length() - 1);
        long factor = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = factor == 1 ? size : size.substring(0, size.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(digits) * factor;
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < 64L << 20) {
            throw new IllegalArgumentException(WORKER_HEAP + "=" + given + " is not a heap size of 64m or more, "
                    + "such as 4g");
        }
        return bytes;
    }
}
