package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
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
 * {@code ._name}) are ignored; entries that would land outside the folder are refused. Not thread-safe.
 */
final class ShapefileArchive implements AutoCloseable {
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
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("samples", zipName + ": not a readable zip file: " + e.getMessage(), e);
        }
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
