package org.geoprospect.core;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes a file atomically: the content is written to a hidden temporary file beside the target, then moved
 * into place, so a reader (a GIS, a server publishing the result as a layer) never sees half a file, and a failed
 * write leaves any earlier file untouched. The temporary file is named after its target and the writing process
 * ({@code .grid.tif.12345-<uuid>.tmp} for {@code grid.tif} written by process 12345), so that one left by a process
 * killed while writing is recognised: the next write of the same target deletes it once its process no longer
 * runs. A write in progress in a running process, this one or another on the same machine, is left alone.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes the content to the path it is given (a new file, not yet existing). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /** @throws IOException when the content cannot be written or moved; no temporary file is left behind */
    public static void write(Path target, Content content) throws IOException {
        write(target, "", content);
    }

    /**
     * Like {@link #write(Path, Content)}, with a temporary file whose name ends in {@code tempExtension} (such as
     * {@code .gpkg}), for libraries that insist on one: NGA's {@code GeoPackageManager.create} refuses a
     * {@code .tmp} file.
     *
     * @throws IOException when the content cannot be written or moved; no temporary file is left behind
     */
    public static void write(Path target, String tempExtension, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        deleteLeftTemporaryFiles(absolute);
        // not createTempFile: its owner-only permissions would stay on the published file
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID() + ".tmp" + tempExtension);
        try {
            content.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write's own outcome is what the caller needs; a stray temp file is harmless
            }
        }
    }

    /** Deletes the target's temporary files whose writing process no longer runs: killed while it wrote. */
    private static void deleteLeftTemporaryFiles(Path target) {
        Pattern own = Pattern.compile(Pattern.quote("." + target.getFileName() + ".")
                + "(\\d{1,18})-[-0-9a-f]{36}\\.tmp.*");
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path sibling : siblings) {
                Matcher m = own.matcher(sibling.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(sibling);
                }
            }
        } catch (IOException ignored) {
            // no folder yet, or one that cannot be listed: the write itself reports it; a stray file only costs space
        }
    }
}
