package org.geoprospect.crs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The EPSG names, proj4 definitions and WKT shipped in proj4j-epsg, read once on first use.
 * Thread-safe (lazy holder idiom).
 */
final class EpsgDatabase {
    private EpsgDatabase() {
    }

    record Entry(int code, String name, String proj4) {
    }

    private static final class Entries {
        static final Map<Integer, Entry> ALL = load();

        private static Map<Integer, Entry> load() {
            Map<Integer, Entry> entries = new LinkedHashMap<>();
            try (InputStream in = EpsgDatabase.class.getResourceAsStream("/proj4/nad/epsg")) {
                if (in == null) {
                    return Map.of();
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
                String name = null;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("#")) {
                        name = line.substring(1).strip();
                    } else if (line.startsWith("<")) {
                        int close = line.indexOf('>');
                        int code = Integer.parseInt(line.substring(1, close));
                        String def = line.substring(close + 1).replace("<>", "").strip();
                        entries.put(code, new Entry(code, name == null ? "EPSG:" + code : name, def));
                        name = null;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read proj4j's EPSG database", e);
            }
            return Collections.unmodifiableMap(entries);
        }
    }

    private static final class Wkts {
        static final Properties ALL = load();

        private static Properties load() {
            Properties p = new Properties();
            try (InputStream in = EpsgDatabase.class.getResourceAsStream("/proj4/wkt/epsg.properties")) {
                if (in != null) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read proj4j's EPSG WKT", e);
            }
            return p;
        }
    }

    static Map<Integer, Entry> entries() {
        return Entries.ALL;
    }

    static Optional<Entry> entry(int code) {
        return Optional.ofNullable(Entries.ALL.get(code));
    }

    static Optional<String> wkt(int code) {
        return Optional.ofNullable(Wkts.ALL.getProperty(Integer.toString(code)));
    }
}
