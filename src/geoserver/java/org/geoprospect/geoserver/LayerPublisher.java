package org.geoprospect.geoserver;

import org.geoprospect.core.InvalidInputException;
import org.geoserver.catalog.Catalog;
import org.geoserver.catalog.CatalogBuilder;
import org.geoserver.catalog.CoverageInfo;
import org.geoserver.catalog.CoverageStoreInfo;
import org.geoserver.catalog.DataStoreInfo;
import org.geoserver.catalog.FeatureTypeInfo;
import org.geoserver.catalog.LayerInfo;
import org.geoserver.catalog.ResourceInfo;
import org.geoserver.catalog.StoreInfo;
import org.geoserver.catalog.StyleInfo;
import org.geoserver.catalog.WorkspaceInfo;
import org.geotools.feature.NameImpl;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Publishes a prediction as new catalog layers: the targets as {@code workspace:name} (a GeoPackage store in
 * {@code GEOSERVER_DATA_DIR/geoprospect/layers/workspace/}, drawn with known and new targets apart) and the
 * probability map as {@code workspace:name_probability} (a GeoTIFF store, viridis). WFS, WMS and WCS serve them at
 * once. The name is checked before the process runs ({@link #check}); nothing is replaced, and a publication that
 * fails half-way is removed again. It works on GeoServer's raw catalog: names hidden from the caller by data
 * security are still taken, and publishing is the process's right, granted by GeoServer's WPS security.
 */
public final class LayerPublisher {
    static final String TARGETS_STYLE = "geoprospect_targets";
    static final String PROBABILITY_STYLE = "geoprospect_probability";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

    private final Catalog catalog;
    private final GeoprospectHost host;

    public LayerPublisher(Catalog catalog, GeoprospectHost host) {
        this.catalog = catalog;
        this.host = host;
    }

    Catalog catalog() {
        return catalog;
    }

    /** A checked {@code workspace:name}. */
    record Target(String workspace, String name) {
        String probability() {
            return name + "_probability";
        }
    }

    /**
     * @throws InvalidInputException naming {@code publishAs}: not {@code workspace:name}, no such workspace, or a
     *                               layer or store of that name exists
     */
    Target check(String publishAs) {
        String[] parts = publishAs.strip().split(":", -1);
        if (parts.length != 2 || !NAME.matcher(parts[1]).matches()) {
            throw invalid("'" + publishAs + "' is not workspace:name (a name of letters, digits, _ . -)");
        }
        WorkspaceInfo ws = catalog.getWorkspaceByName(parts[0]);
        if (ws == null) {
            throw invalid("workspace '" + parts[0] + "' does not exist; create it or name another");
        }
        Target t = new Target(ws.getName(), parts[1]);
        Path folder = host.layers().resolve(t.workspace());
        for (String name : List.of(t.name(), t.probability())) {
            if (catalog.getLayerByName(t.workspace() + ":" + name) != null
                    || catalog.getStoreByName(ws, name, StoreInfo.class) != null
                    || catalog.getResourceByName(ws.getName(), name, ResourceInfo.class) != null
                    || Files.exists(folder.resolve(name + ".gpkg")) || Files.exists(folder.resolve(name + ".tif"))) {
                throw invalid("a layer, store or file " + t.workspace() + ":" + name + " exists already; choose "
                        + "another name");
            }
        }
        return t;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(ProcessParameters.PUBLISH_AS, "input '" + ProcessParameters.PUBLISH_AS
                + "': " + message);
    }

    /**
     * @return the new layers' names, targets first
     * @throws Exception after removing whatever it had added, so that the name stays free for a retry
     */
    synchronized List<String> publish(Target target, Path targets, Path probability) throws Exception {
        check(target.workspace() + ":" + target.name()); // another job may have taken the name meanwhile
        WorkspaceInfo ws = catalog.getWorkspaceByName(target.workspace());
        Path folder = Files.createDirectories(host.layers().resolve(target.workspace()));
        Deque<Undo> undo = new ArrayDeque<>(); // what was done so far, latest first
        try {
            List<String> published = new ArrayList<>();
            CatalogBuilder builder = new CatalogBuilder(catalog);
            builder.setWorkspace(ws);

            Path gpkg = copy(targets, folder.resolve(target.name() + ".gpkg"), undo);
            DataStoreInfo store = builder.buildDataStore(target.name());
            store.setType("GeoPackage");
            Map<String, Serializable> params = store.getConnectionParameters();
            params.put("dbtype", "geopkg");
            params.put("database", dataDirUrl(gpkg));
            params.put("read_only", true);
            store.setDescription("geoprospect targets");
            catalog.add(store);
            undo.push(() -> catalog.remove(store));
            builder.setStore(store);
            String table = catalog.getResourcePool().getDataStore(store).getNames().get(0).getLocalPart();
            FeatureTypeInfo type = builder.buildFeatureType(new NameImpl(table));
            type.setName(target.name());
            type.setTitle("geoprospect targets " + target.name());
            builder.setupBounds(type);
            catalog.add(type);
            undo.push(() -> catalog.remove(type));
            published.add(addLayer(builder.buildLayer(type), TARGETS_STYLE, undo));

            if (probability != null) {
                Path tif = copy(probability, folder.resolve(target.probability() + ".tif"), undo);
                CoverageStoreInfo cs = builder.buildCoverageStore(target.probability());
                cs.setType("GeoTIFF");
                cs.setURL(dataDirUrl(tif));
                cs.setEnabled(true);
                catalog.add(cs);
                undo.push(() -> catalog.remove(cs));
                builder.setStore(cs);
                CoverageInfo coverage = builder.buildCoverage();
                coverage.setName(target.probability());
                coverage.setTitle("geoprospect ore probability " + target.name());
                catalog.add(coverage);
                undo.push(() -> catalog.remove(coverage));
                published.add(addLayer(builder.buildLayer(coverage), PROBABILITY_STYLE, undo));
            }
            return published;
        } catch (Exception | Error e) {
            for (Undo step : undo) {
                try {
                    step.run();
                } catch (Exception again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    /** One step of a publication, undone when a later one fails. */
    @FunctionalInterface
    private interface Undo {
        void run() throws Exception;
    }

    private String addLayer(LayerInfo layer, String style, Deque<Undo> undo) throws IOException {
        layer.setDefaultStyle(style(style, undo));
        catalog.add(layer);
        undo.push(() -> catalog.remove(layer));
        return layer.prefixedName();
    }

    /** Relative to the data directory, as GeoServer writes its own stores, so a moved data directory still works. */
    private String dataDirUrl(Path file) {
        Path base = catalog.getResourceLoader().getBaseDirectory().toPath().toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? "file:" + base.relativize(abs).toString().replace('\\', '/')
                : abs.toUri().toString();
    }

    /** Copies under a temporary name and moves into place; an existing file is never replaced. */
    private static Path copy(Path from, Path to, Deque<Undo> undo) throws IOException {
        Path tmp = Files.createTempFile(to.getParent(), ".publish-", ".tmp");
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.createLink(to, tmp); // fails if 'to' exists, unlike a rename
        } finally {
            Files.deleteIfExists(tmp);
        }
        undo.push(() -> Files.deleteIfExists(to));
        return to;
    }

    /** The plugin's style, added to the catalog the first time it is used. */
    private StyleInfo style(String name, Deque<Undo> undo) throws IOException {
        StyleInfo existing = catalog.getStyleByName(name);
        if (existing != null) {
            return existing;
        }
        StyleInfo style = catalog.getFactory().createStyle();
        style.setName(name);
        style.setFilename(name + ".sld");
        style.setFormat("sld");
        try (InputStream in = LayerPublisher.class.getResourceAsStream(name + ".sld")) {
            catalog.getResourcePool().writeStyle(style, in);
        }
        catalog.add(style);
        undo.push(() -> catalog.remove(style));
        return style;
    }
}
