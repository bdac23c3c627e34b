package org.geoprospect.geoserver;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoprospectHostTest {
    /** In Tomcat or Jetty the web application's jars are its class loader's URLs, not java.class.path. */
    @Test
    void theWorkerGetsTheWebApplicationsJars() throws Exception {
        Path lib = Path.of("/srv/geoserver/WEB-INF/lib");
        URL[] urls = {lib.resolve("gs-main-2.28.0.jar").toUri().toURL(),
                lib.resolve("geoprospect-0.1.0.jar").toUri().toURL(), new URL("http://example.org/remote.jar")};
        try (URLClassLoader webapp = new URLClassLoader(urls, null)) {
            List<String> entries = List.of(GeoprospectHost.classPath(webapp).split(File.pathSeparator));
            assertEquals(lib.resolve("gs-main-2.28.0.jar").toString(), entries.get(0));
            assertEquals(lib.resolve("geoprospect-0.1.0.jar").toString(), entries.get(1));
            assertTrue(entries.stream().noneMatch(e -> e.contains("example.org")), "only local files");
        }
    }

    @Test
    void workerHeapSizes() {
        assertEquals(4L << 30, GeoprospectHost.bytes("4g"));
        assertEquals(512L << 20, GeoprospectHost.bytes("512M"));
        assertEquals(4L << 30, GeoprospectHost.bytes("4GB"));
        assertEquals(100_000_000, GeoprospectHost.bytes("100000000"));
        assertThrows(IllegalArgumentException.class, () -> GeoprospectHost.bytes("lots"));
        assertThrows(IllegalArgumentException.class, () -> GeoprospectHost.bytes("1000"), "-Xmx0m would not start");
    }
}
