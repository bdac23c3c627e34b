package org.geoprospect.geoserver;

import org.geoprospect.core.CancelledException;
import org.geoprospect.core.GeoprospectException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.MissingInputException;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputResolver;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessExecutor;
import org.geoprospect.process.ProcessResult;
import org.geoserver.platform.GeoServerExtensions;
import org.geoserver.wps.WPSException;
import org.geoserver.wps.process.RawData;
import org.geoserver.wps.resource.WPSResourceManager;
import org.geotools.api.util.ProgressListener;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.data.simple.SimpleFeatureCollection;
import org.geotools.process.Process;
import org.geotools.process.ProcessException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One geoprospect process run by GeoServer's WPS: GeoServer's values are converted at the boundary (feature
 * collections and coverages into the files the engine reads), checked once against the description before any
 * work, run through the host's executor (trainModel and predictTargets in the worker JVM), and the result returned
 * in GeoServer's types, optionally published as layers.
 */
final class GeoprospectProcess implements Process {
    private static final Logger LOG = Logger.getLogger(GeoprospectProcess.class.getName());
    /** The point-layer companions that a feature collection settles. */
    private static final List<String> CSV_ONLY = List.of("layer", "xField", "yField");

    private final GeoProcess process;
    private final GeoprospectHost host;
    private final LayerPublisher publisher;

    GeoprospectProcess(GeoProcess process, GeoprospectHost host, LayerPublisher publisher) {
        this.process = process;
        this.host = host;
        this.publisher = publisher;
    }

    @Override
    public Map<String, Object> execute(Map<String, Object> input, ProgressListener monitor) throws ProcessException {
        ProcessDescription d = process.description();
        Path folder = null;
        try {
            folder = workFolder();
            Path given = folder.resolve("given");
            Map<String, List<InputValue>> values = new LinkedHashMap<>();
            Map<String, SimpleFeatureCollection> pointLayers = new LinkedHashMap<>();
            LayerPublisher.Target publish = null;
            for (Map.Entry<String, Object> e : input.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (e.getKey().equals(ProcessParameters.PUBLISH_AS)) {
                    publish = publisher.check(e.getValue().toString());
                    continue;
                }
                InputDescription in = d.input(e.getKey()).orElseThrow(() -> new InvalidInputException(e.getKey(),
                        "process " + d.identifier() + " has no input '" + e.getKey() + "'"));
                for (Object v : e.getValue() instanceof Collection<?> c ? c : List.of(e.getValue())) {
                    if (v instanceof SimpleFeatureCollection features) {
                        pointLayers.put(in.identifier(), features);
                    } else {
                        values.computeIfAbsent(in.identifier(), k -> new ArrayList<>())
                                .add(value(v, given.resolve(in.identifier())));
                    }
                }
            }
            // after the others (GeoServer's input map has no order): a feature collection settles its companions
            for (Map.Entry<String, SimpleFeatureCollection> layer : pointLayers.entrySet()) {
                pointLayer(layer.getKey(), layer.getValue(), given.resolve(layer.getKey()), values);
            }
            ProcessExecutor.Prepared job = host.executor().prepare(process, values, InputResolver.NONE);
            ProgressBridge bridge = new ProgressBridge(monitor);
            Path work = folder;
            ProcessResult result = bridge.run(d.identifier(), () -> job.run(work, bridge, bridge.cancellation()));
            result.warnings().forEach(w -> LOG.warning(d.identifier() + ": " + w));
            Map<String, Object> out = ResultOutputs.of(d, result);
            if (ProcessParameters.publishes(d)) {
                out.put(ProcessParameters.LAYERS, publish == null ? "" : String.join(",", publisher.publish(
                        publish, (Path) result.outputs().get("targets"), (Path) result.outputs().get("probability"))));
            }
            return out;
        } catch (MissingInputException e) {
            throw new WPSException(clean(e.getMessage(), folder), "MissingParameterValue", e.input());
        } catch (InvalidInputException e) {
            throw new WPSException(clean(e.getMessage(), folder), "InvalidParameterValue", e.input());
        } catch (CancelledException e) {
            throw new ProcessException(d.identifier() + " was cancelled");
        } catch (GeoprospectException e) {
            throw new ProcessException(clean(e.getMessage(), folder));
        } catch (ProcessException | WPSException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, d.identifier() + " failed", e);
            throw new ProcessException(d.identifier() + " failed: " + e.getClass().getSimpleName()
                    + " (GeoServer's log has the details)");
        }
    }

    /**
     * A feature collection as the CSV the engine reads: its geometry gives the locations (so the CSV's own
     * companions {@code layer}, {@code xField}, {@code yField} are refused), its CRS the {@code crs} unless given.
     */
    private static void pointLayer(String input, SimpleFeatureCollection features, Path target,
                                   Map<String, List<InputValue>> values) throws IOException {
        for (String companion : CSV_ONLY) {
            if (values.containsKey(companion)) {
                throw new InvalidInputException(companion, "input '" + companion + "' applies to CSV or "
                        + "GeoPackage data; a feature collection's geometry gives the locations");
            }
        }
        Path csv = Path.of(target + ".csv");
        String crs = FeatureInputs.writeCsv(input, features, csv);
        values.put(input, new ArrayList<>(List.of(new InputValue.File(csv))));
        values.put("xField", new ArrayList<>(List.of(new InputValue.Literal(FeatureInputs.X))));
        values.put("yField", new ArrayList<>(List.of(new InputValue.Literal(FeatureInputs.Y))));
        if (crs != null && !values.containsKey("crs")) {
            values.put("crs", new ArrayList<>(List.of(new InputValue.Literal(crs))));
        }
    }

    /** One other GeoServer value as the engine's input value. */
    private static InputValue value(Object v, Path target) throws IOException {
        if (v instanceof GridCoverage2D coverage) {
            return CoverageInputs.of(coverage, target);
        }
        if (v instanceof RawData raw) {
            try (InputStream s = raw.getInputStream()) {
                return new InputValue.Inline(s.readAllBytes(), raw.getMimeType());
            }
        }
        return new InputValue.Literal(v.toString());
    }

    /** A message without the server's folders: the job's own files by their name within it. */
    private String clean(String message, Path folder) {
        String m = message == null ? "" : message;
        if (folder != null) {
            m = m.replace(folder.toAbsolutePath() + java.io.File.separator, "").replace(folder.toString()
                    + java.io.File.separator, "");
        }
        return m.replace(host.home().toAbsolutePath().toString(), "<data directory>/geoprospect");
    }

    /** The execution's own temporary folder, removed by GeoServer once the outputs are delivered. */
    private static Path workFolder() throws IOException {
        WPSResourceManager resources = GeoServerExtensions.bean(WPSResourceManager.class);
        if (resources == null) {
            return Files.createTempDirectory("geoprospect-");
        }
        return resources.getTemporaryResource("").dir().toPath();
    }
}
