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
        try {
            Path folder = workFolder();
            Map<String, List<InputValue>> values = new LinkedHashMap<>();
            LayerPublisher.Target publish = null;
            if (input.values().stream().anyMatch(SimpleFeatureCollection.class::isInstance)) {
                for (String companion : CSV_ONLY) {
                    if (input.get(companion) != null) {
                        throw new InvalidInputException(companion, "input '" + companion + "' applies to CSV or "
                                + "GeoPackage data; a feature collection's geometry gives the locations");
                    }
                }
            }
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
                    values.computeIfAbsent(in.identifier(), k -> new ArrayList<>())
                            .add(value(in, v, folder.resolve("given").resolve(in.identifier()), values));
                }
            }
            ProcessExecutor.Prepared job = host.executor().prepare(process, values, InputResolver.NONE);
            ProgressBridge bridge = new ProgressBridge(monitor);
            ProcessResult result = bridge.run(d.identifier(), () -> job.run(folder, bridge, bridge.cancellation()));
            result.warnings().forEach(w -> LOG.warning(d.identifier() + ": " + w));
            Map<String, Object> out = ResultOutputs.of(d, result);
            if (ProcessParameters.publishes(d)) {
                out.put(ProcessParameters.LAYERS, publish == null ? "" : String.join(",", publisher.publish(
                        publish, (Path) result.outputs().get("targets"), (Path) result.outputs().get("probability"))));
            }
            return out;
        } catch (MissingInputException e) {
            throw new WPSException(e.getMessage(), "MissingParameterValue", e.input());
        } catch (InvalidInputException e) {
            throw new WPSException(e.getMessage(), "InvalidParameterValue", e.input());
        } catch (CancelledException e) {
            throw new ProcessException(d.identifier() + " was cancelled");
        } catch (GeoprospectException e) {
            throw new ProcessException(e.getMessage(), e);
        } catch (ProcessException | WPSException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessException(d.identifier() + " failed: " + e.getMessage(), e);
        }
    }

    /** One GeoServer value as the engine's input value; a feature collection also settles its CSV companions. */
    private InputValue value(InputDescription in, Object v, Path target, Map<String, List<InputValue>> values)
            throws IOException {
        if (v instanceof SimpleFeatureCollection features) {
            Path csv = Path.of(target + ".csv");
            String crs = FeatureInputs.writeCsv(in.identifier(), features, csv);
            values.put("xField", List.of(new InputValue.Literal(FeatureInputs.X)));
            values.put("yField", List.of(new InputValue.Literal(FeatureInputs.Y)));
            if (crs != null && !values.containsKey("crs")) {
                values.put("crs", List.of(new InputValue.Literal(crs)));
            }
            return new InputValue.File(csv);
        }
        if (v instanceof GridCoverage2D coverage) {
            return CoverageInputs.of(coverage, publisher.catalog(), target);
        }
        if (v instanceof RawData raw) {
            try (InputStream s = raw.getInputStream()) {
                return new InputValue.Inline(s.readAllBytes(), raw.getMimeType());
            }
        }
        return new InputValue.Literal(v.toString());
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
