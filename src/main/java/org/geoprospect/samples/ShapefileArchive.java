package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zipped shapefile (how shapefiles are usually shared) unpacked into a temporary folder, because its parts are
 * read as files side by side. {@link #close()} deletes the folder. macOS resource forks ({@code __MACOSX/},
 * {@code ._name}) are ignored; entries that would land outside the folder are refused, and so is an archive that
 * unpacks to more than {@value #MAX_RATIO} times its own size (beyond {@value #FREE_BYTES} bytes) or to more than
 * {@value #MAX_UNPACKED_BYTES} bytes, counted as it unpacks (a zip bomb's headers lie). Not thread-safe.
 */
final class ShapefileArchive implements AutoCloseable {
    /** Shapefiles of points compress about 3–10 times; blank text columns of a .dbf up to some 50. */
    static final int MAX_RATIO = 100;
    /** Small archives may expand more than {@link #MAX_RATIO} times. */
    static final long FREE_BYTES = 16L << 20;
    /** The format caps a .shp and a .dbf at 2 GB each (32-bit offsets). */
    static final long MAX_UNPACKED_BYTES = 4L << 30;
    private final Path folder;
    private final Path shp;

    private ShapefileArchive(Path folder, Path shp) {
        this.folder = folder;
        this.shp = shp;
    }

    /**
     * @param layer base name of the shapefile to use when the zip holds several, or null
     * @throws InvalidInputException naming the zip when it cannot be read, holds no shapefile, or holds several
     *                               and {@code layer} does not choose one
     */
    static ShapefileArchive extract(Path zip, String layer) {
        String zipName = zip.getFileName().toString();
        Path folder;
        try {
            folder = Files.createTempDirectory("geoprospect-shp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + zipName, e);
        }
        try {
            unzip(zip, folder, zipName);
            return new ShapefileArchive(folder, choose(shapefiles(folder), layer, zipName));
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** The chosen {@code .shp}, with its sidecars beside it. */
    Path shp() {
        return shp;
    }

    /** The shapefile's path inside the zip, for messages. */
    String entryName() {
        return folder.relativize(shp).toString().replace('\\', '/');
    }

    @Override
    public void close() {
        delete(folder);
    }

    private static void unzip(Path zip, Path folder, String zipName) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            long allowed = Math.min(MAX_UNPACKED_BYTES, Math.max(FREE_BYTES, MAX_RATIO * Files.size(zip)));
            long unpacked = 0;
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || baseName(name).startsWith("._")) {
                    continue;
                }
                Path target = folder.resolve(name).normalize();
                if (!target.startsWith(folder)) {
                    throw new InvalidInputException("samples", zipName + ": entry '" + name
                            + "' points outside the archive; refused");
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    unpacked = copy(in, out, unpacked, allowed, zipName);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("samples", zipName + ": not a readable zip file: " + e.getMessage(), e);
        }
    }

    /** Copies in to out; @return the archive's bytes unpacked so far, at most {@code allowed} */
    private static long copy(InputStream in, OutputStream out, long unpacked, long allowed, String zipName)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            unpacked += n;
            if (unpacked > allowed) {
                throw new InvalidInputException("samples", zipName + " unpacks to more than " + allowed
                        + " bytes, the most unpacked from a zip of its size (" + MAX_RATIO + " times its size, at "
                        + "least " + FREE_BYTES + " and at most " + MAX_UNPACKED_BYTES + " bytes); refused as a "
                        + "possible zip bomb");
            }
            out.write(buffer, 0, n);
        }
        return unpacked;
    }

    private static List<Path> shapefiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path choose(List<Path> shps, String layer, String zipName) {
        List<String> names = shps.stream().map(p -> stem(p.getFileName().toString())).toList();
        if (layer != null) {
            int i = names.indexOf(layer);
            if (i < 0) {
                throw new InvalidInputException("layer", zipName + ": no shapefile '" + layer + "'; it holds "
                        + names);
            }
            return shps.get(i);
        }
        if (shps.size() == 1) {
            return shps.get(0);
        }
        throw new InvalidInputException("layer", zipName + (shps.isEmpty() ? ": holds no shapefile (.shp)"
                : ": holds " + shps.size() + " shapefiles " + names + "; choose one with 'layer'"));
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary folder " + folder, e);
        }
    }
}
