package org.geoprospect.cli;

import org.geoprospect.core.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a command writes: each location is checked before the work starts, so that one that cannot be written
 * fails at once with exit 2 naming its option, not after hours of training; the folders made for the outputs are
 * removed again, if still empty, when the command fails. Not thread-safe: one per command.
 */
final class OutputLocations {
    private final List<Path> made = new ArrayList<>();

    /**
     * @param option the option that names the folder, for the message
     * @throws InvalidInputException when it is a file, or is missing and cannot be made, or cannot be written in
     */
    static void checkFolder(String option, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing)) {
            existing = existing.getParent(); // the root exists
        }
        boolean itself = existing.equals(absolute);
        if (!Files.isDirectory(existing)) {
            throw refused(option, itself ? folder + " is a file, not a folder"
                    : "cannot make folder " + folder + ": " + existing + " is a file");
        }
        if (!Files.isWritable(existing)) {
            throw refused(option, itself ? "cannot write in folder " + folder + ": no permission"
                    : "cannot make folder " + folder + ": no permission to write in " + existing);
        }
    }

    /**
     * @throws InvalidInputException when the file is a folder or cannot be written, or its folder fails
     *                               {@link #checkFolder}
     */
    static void checkFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw refused(option, file + " is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw refused(option, "cannot write file " + file + ": no permission");
        }
        checkFolder(option, file.toAbsolutePath().getParent());
    }

    /** Makes a folder and the missing ones above it, remembering which it made. */
    void make(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new InvalidInputException("out", "cannot make folder " + folder + ": " + e);
        }
        made.addAll(missing);
    }

    /** Removes the folders it made that are still empty, deepest first: a failed command leaves no empty folder. */
    void removeEmpty() {
        made.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : made) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // not empty: it holds what the command wrote before it failed
            }
        }
    }

    private static InvalidInputException refused(String option, String why) {
        return new InvalidInputException(option.substring(2), option + ": " + why);
    }
}
