package org.geoprospect.testdata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed demo set in {@code test-data/} is exactly what the documented command produces for seed 42, so it
 * cannot drift from the generator. To regenerate it after a deliberate model change:
 * {@code mvn test -Dtest=CommittedTestDataTest -Dgeoprospect.regenerateTestData=true}.
 */
class CommittedTestDataTest {
    private static final Path TEST_DATA = Path.of("test-data");
    static final String COMMAND = "java -jar target/geoprospect.jar generate-test-data --out test-data --seed 42";

    @Test
    void committedFilesEqualTheGeneratorOutputForSeed42(@TempDir Path fresh) throws IOException {
        if (Boolean.getBoolean("geoprospect.regenerateTestData")) {
            SyntheticSurvey.builder().seed(42).build().generate().write(TEST_DATA);
        }
        SyntheticSurvey.builder().seed(42).build().generate().write(fresh);
        long total = 0;
        for (String f : new String[] {GeneratedSurvey.SAMPLES_FILE, GeneratedSurvey.DEPOSITS_FILE,
                GeneratedSurvey.TRUTH_FILE}) {
            assertEquals(-1, Files.mismatch(TEST_DATA.resolve(f), fresh.resolve(f)), "test-data/" + f
                    + " differs from the generator's output; regenerate it (see this test's Javadoc)");
            total += Files.size(TEST_DATA.resolve(f));
        }
        assertTrue(total < 500_000, "the demo set should stay small, is " + total + " bytes");
    }

    @Test
    void readmeGivesTheRegeneratingCommand() throws IOException {
        String readme = Files.readString(TEST_DATA.resolve("README.md"));
        assertTrue(readme.contains(COMMAND), "test-data/README.md must give: " + COMMAND);
    }
}
