package org.geoprospect.geoserver;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin zip as a GIS administrator unpacks it into WEB-INF/lib: our jar with the host and without the command
 * line and embedded server, plus only jars that GeoServer does not ship. "What GeoServer ships" is the provided
 * scope of the geoserver profile: the resolved runtime tree of gs-wps-core (which holds gs-main) and GeoTools'
 * GeoTIFF and GeoPackage modules, as Maven wrote it at package time. Checked by artifact and by class, so a library
 * that GeoServer ships under another name (a relocated copy) is caught too.
 */
class GeoServerPluginPackageIT {
    private static Path zip;
    /** provided artifacts: groupId:artifactId to version and jar */
    private static final Map<String, String[]> PROVIDED = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        zip = Path.of(System.getProperty("geoprospect.plugin.zip"));
        for (String line : Files.readAllLines(Path.of(System.getProperty("geoprospect.plugin.provided")))) {
            String[] f = line.strip().replaceAll("\u001B\\[[;\\d]*m", "").split(":");
            if (f.length >= 6 && line.contains(":provided")) {
                // group:artifact:type[:classifier]:version:scope:path (the path may hold a ':' on Windows only)
                int scope = List.of(f).indexOf("provided");
                PROVIDED.put(f[0] + ":" + f[1], new String[] {f[scope - 1], f[scope + 1].split(" ")[0]});
            }
        }
        assertTrue(PROVIDED.size() > 100, "GeoServer's tree was read: " + PROVIDED.size());
    }

    private static List<String> entries() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).forEach(names::add);
        }
        return names;
    }

    @Test
    void holdsOurJarWithTheHostAndNotTheCommandLineOrServer() throws IOException {
        String ours = "geoprospect-" + System.getProperty("geoprospect.version", versionFromZip()) + ".jar";
        assertTrue(entries().contains(ours), entries().toString());
        Set<String> classes = new HashSet<>();
        try (ZipFile z = new ZipFile(zip.toFile());
             JarInputStream jar = new JarInputStream(z.getInputStream(z.getEntry(ours)))) {
            for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                classes.add(e.getName());
            }
        }
        assertTrue(classes.contains("applicationContext.xml"));
        assertTrue(classes.contains("wps-processes.xml"));
        assertTrue(classes.contains("org/geoprospect/geoserver/GeoprospectProcessFactory.class"));
        assertTrue(classes.contains("org/geoprospect/worker/WorkerMain.class"), "the worker runs from it");
        assertFalse(classes.stream().anyMatch(c -> c.startsWith("org/geoprospect/server/")
                || c.startsWith("org/geoprospect/cli/") || c.startsWith("web/")), "no host of ours but GeoServer's");
    }

    private static String versionFromZip() {
        return zip.getFileName().toString().replace("geoprospect-", "").replace("-geoserver-plugin.zip", "");
    }

    @Test
    void shipsNothingGeoServerShipsAndNoneOfTheEmbeddedServer() throws IOException {
        List<String> jars = entries();
        for (String jar : jars) {
            assertTrue(jar.endsWith(".jar") && !jar.contains("/"), "flat jars only: " + jar);
            for (String ga : PROVIDED.keySet()) {
                String artifact = ga.substring(ga.indexOf(':') + 1);
                assertFalse(jar.matches("\\Q" + artifact + "\\E-\\d.*"), jar + " is GeoServer's " + ga);
            }
            assertFalse(jar.matches("(javalin|jetty|picocli|sqlite-jdbc|slf4j-simple|kotlin|leaflet).*"), jar);
        }
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("pytorch-native-cpu-")), "the engine's natives");
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("api-") || j.startsWith("pytorch-engine-")));
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("smile-core-")));
    }

    @Test
    void noClassOfTheZipIsAlsoInAJarGeoServerShips() throws IOException {
        Set<String> geoserver = new HashSet<>();
        for (String[] v : PROVIDED.values()) {
            Path jar = Path.of(v[1]);
            if (Files.isRegularFile(jar) && jar.toString().endsWith(".jar")) {
                try (ZipFile z = new ZipFile(jar.toFile())) {
                    z.stream().map(ZipEntry::getName).filter(GeoServerPluginPackageIT::isClass)
                            .forEach(geoserver::add);
                }
            }
        }
        List<String> clashes = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry jar : z.stream().toList()) {
                try (InputStream in = z.getInputStream(jar); ZipInputStream classes = new ZipInputStream(in)) {
                    for (ZipEntry e = classes.getNextEntry(); e != null; e = classes.getNextEntry()) {
                        if (isClass(e.getName()) && geoserver.contains(e.getName())) {
                            clashes.add(jar.getName() + ": " + e.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), clashes.stream().limit(20).toList());
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    @Test
    void theLibrariesThePluginTakesFromGeoServerAreThere() {
        // compiled and tested against these, the copies GeoServer ships; the zip does not bring them
        for (String ga : List.of("com.fasterxml.jackson.core:jackson-databind", "org.locationtech.jts:jts-core",
                "net.java.dev.jna:jna", "org.xerial:sqlite-jdbc", "commons-io:commons-io",
                "org.slf4j:slf4j-api", "org.geotools:gt-geotiff", "org.geotools:gt-geopkg")) {
            assertTrue(PROVIDED.containsKey(ga), ga + " is not in GeoServer's tree: the plugin must bring it");
        }
    }
}
