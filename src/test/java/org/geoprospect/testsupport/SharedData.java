package org.geoprospect.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real survey data beside the project ({@code ../shared/data}, see its README). Found from the system property
 * {@code geoprospect.shared.data} (surefire sets it), else {@code ../shared/data} from the working directory.
 * Tests that need it skip, with a message, when it is absent, so a fresh clone still passes.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> folder() {
        String property = System.getProperty("geoprospect.shared.data");
        for (String candidate : new String[] {property, "../shared/data"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    /** The file under the data folder; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Optional<Path> file = folder().map(f -> f.resolve(relative)).filter(Files::isRegularFile);
        Assumptions.assumeTrue(file.isPresent(), "shared data " + relative + " not found (set -Dgeoprospect.shared.data"
                + " or put the data at ../shared/data); skipped");
        return file.get();
    }
}
