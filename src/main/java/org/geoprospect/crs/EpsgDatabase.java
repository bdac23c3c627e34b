package org.geoprospect.crs;

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
 * One code ({@link #entry}) is found by searching the file's text; only {@link #entries()} (all 5,755 of them, for
 * identifying WKT without a code) builds every entry, since parsing them all is most of the cost of a first
 * look-up (0.3 s of a cold JVM on 2 loaded cores, against 0.05 s to read the text). Thread-safe (lazy holder idiom).
 */
final class EpsgDatabase {
    private static final String RESOURCE = "/proj4/nad/epsg";

    private EpsgDatabase() {
    }

    record Entry(int code, String name, String proj4) {
    }

    /** The file as text: lines {@code # name} then {@code <code> +proj=... <>}. */
    private static final class Text {
        static final String ALL = load();

        private static String load() {
            try (InputStream in = EpsgDatabase.class.getResourceAsStream(RESOURCE)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read proj4j's EPSG database", e);
            }
        }
    }

    private static final class Entries {
        static final Map<Integer, Entry> ALL = parse(Text.ALL);
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

    /** The entry of one code, as {@link #entries()} has it. */
    static Optional<Entry> entry(int code) {
        return find(Text.ALL, code);
    }

    /**
     * Every entry of a file's text, in file order; an entry is named by the last {@code #} line since the one before.
     */
    static Map<Integer, Entry> parse(String text) {
        Map<Integer, Entry> entries = new LinkedHashMap<>();
        String name = null;
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("#")) {
                name = line.substring(1).strip();
            } else if (line.startsWith("<")) {
                Entry e = entry(line, name);
                entries.put(e.code(), e);
                name = null;
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The entry of one code in a file's text, as {@link #parse} gives it, found without parsing the others. */
    static Optional<Entry> find(String text, int code) {
        String key = "<" + code + ">";
        int start;
        if (text.startsWith(key)) {
            start = 0;
        } else {
            int newline = text.indexOf("\n" + key);
            if (newline < 0) {
                return Optional.empty();
            }
            start = newline + 1;
        }
        return Optional.of(entry(line(text, start), name(text, start)));
    }

    /** The line that starts at {@code start}, without its line break. */
    private static String line(String text, int start) {
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The name of the entry whose line starts at {@code start}: the nearest {@code #} line above, or null. */
    private static String name(String text, int start) {
        int end = start - 1; // the newline before the entry's line
        while (end > 0) {
            int lineStart = text.lastIndexOf('\n', end - 1) + 1;
            String line = line(text, lineStart);
            if (line.startsWith("#")) {
                return line.substring(1).strip();
            }
            if (line.startsWith("<")) {
                return null; // the entry before has no name between
            }
            end = lineStart - 1;
        }
        return null;
    }

    private static Entry entry(String line, String name) {
        int close = line.indexOf('>');
        int code = Integer.parseInt(line.substring(1, close));
        String def = line.substring(close + 1).replace("<>", "").strip();
        return new Entry(code, name == null ? "EPSG:" + code : name, def);
    }

    static Optional<String> wkt(int code) {
        return Optional.ofNullable(Wkts.ALL.getProperty(Integer.toString(code)));
    }
}
