package org.geoprospect.learn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stored baseline reads back as the same model; a file naming other classes is refused. */
class WindowClassifiersTest {
    @TempDir
    Path dir;

    @Test
    void everyKindReadsBackGivingTheSameProbabilities() throws IOException {
        WindowClassifierTest.Windows training = WindowClassifierTest.Windows.of(7, 200, 1, 2);
        WindowClassifierTest.Windows test = WindowClassifierTest.Windows.of(8, 100, 1, 2);
        List<String> elements = List.of("Cu", "Ni", "Zn");
        for (String kind : Baselines.KINDS) {
            WindowClassifier model = Baselines.fit(kind, training.means(), training.ore(), 3);
            Path file = dir.resolve(kind + ".ser");
            WindowClassifiers.write(model, file);
            WindowClassifier read = WindowClassifiers.read(file);
            assertEquals(kind, read.kind());
            assertEquals(model.describe(elements), read.describe(elements));
            assertArrayEquals(test.probabilities(model), test.probabilities(read), kind);
        }
    }

    @Test
    void aFileNamingAClassNotAllowedIsRefused() throws IOException {
        // HashMap is allowed (Smile keeps one), what it holds here is not
        Map<String, File> map = new HashMap<>(Map.of("model", new File("x")));
        for (Object stored : List.of(map, new File("x"))) {
            Path file = serialized(stored);
            IOException e = assertThrows(IOException.class, () -> WindowClassifiers.read(file));
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("REJECTED"),
                    e.getMessage());
        }
    }

    @Test
    void aFileHoldingNoModelOrHalfAModelIsRefusedNamingIt() throws IOException {
        Path integer = serialized(42);
        IOException e = assertThrows(IOException.class, () -> WindowClassifiers.read(integer));
        assertTrue(e.getMessage().contains(integer + " holds a java.lang.Integer"), e.getMessage());

        WindowClassifierTest.Windows training = WindowClassifierTest.Windows.of(9, 100, 0, 2);
        Path whole = dir.resolve("whole.ser");
        WindowClassifiers.write(Baselines.fit("logistic", training.means(), training.ore(), 0), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path half = Files.write(dir.resolve("half.ser"), Arrays.copyOf(bytes, bytes.length / 2));
        e = assertThrows(IOException.class, () -> WindowClassifiers.read(half));
        assertTrue(e.getMessage().contains(half.toString()), e.getMessage());

        Path missing = dir.resolve("missing.ser");
        e = assertThrows(IOException.class, () -> WindowClassifiers.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private Path serialized(Object stored) throws IOException {
        Path file = Files.createTempFile(dir, "stored", ".ser");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(stored);
        }
        return file;
    }
}
