package org.geoprospect.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This build's version, from a resource Maven fills in: the shaded jar's manifest carries no
 * Implementation-Version, and classes run from a folder (tests, the IDE) have no manifest at all.
 */
public final class Version {
    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** @return e.g. {@code 0.1.0-SNAPSHOT} */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
