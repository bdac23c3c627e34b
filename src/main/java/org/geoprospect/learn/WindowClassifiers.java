package org.geoprospect.learn;

import org.geoprospect.core.AtomicFile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stores a {@link WindowClassifier} as a Java-serialized file (Smile's models are made to be stored so) and reads
 * it back. Deserialization builds whatever classes a file names, so a read accepts only what a baseline is made of:
 * our classifiers, Smile's classes, primitive arrays and the few {@code java.lang}/{@code java.util} classes Smile
 * keeps (a class map in a {@code HashMap} of {@code Integer}s); a file naming any other class is refused. A stored
 * forest depends on Smile's version, as its own serialization does.
 */
public final class WindowClassifiers {
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(String.join(";",
            "org.geoprospect.learn.ElementClassifier", "org.geoprospect.learn.LogisticClassifier",
            "org.geoprospect.learn.ForestClassifier", "smile.**", "java.lang.String", "java.lang.Number",
            "java.lang.Integer", "java.lang.Enum", "java.util.HashMap", "java.util.Map$Entry", "!*"));

    private WindowClassifiers() {
    }

    /** Writes atomically: a reader never sees half a model. */
    public static void write(WindowClassifier classifier, Path file) throws IOException {
        AtomicFile.write(file, temp -> {
            try (ObjectOutputStream out =
                         new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                out.writeObject(classifier);
            } catch (IOException e) {
                throw new IOException("cannot write the baseline model " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** @throws IOException naming the file when it cannot be read, names a class not allowed or holds no baseline */
    public static WindowClassifier read(Path file) throws IOException {
        Object stored;
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(CLASSES);
            stored = in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IOException("cannot read the baseline model " + file + ": " + e, e);
        }
        if (stored instanceof WindowClassifier classifier) {
            return classifier;
        }
        throw new IOException(file + " holds " + (stored == null ? "null" : "a " + stored.getClass().getName())
                + ", not a baseline model");
    }
}
