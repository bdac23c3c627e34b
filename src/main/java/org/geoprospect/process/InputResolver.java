package org.geoprospect.process;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a host turns a reference into the file a process reads: a layer it publishes ({@code layer:NAME}, or a plain
 * layer name given for a complex input), its own URLs, other URLs it agrees to fetch. Each host supplies its own
 * (the embedded server: its layer catalog and fetching; GeoServer: its catalog).
 */
@FunctionalInterface
public interface InputResolver {
    /** A host without references: every one is refused, naming the input. */
    InputResolver NONE = (input, reference, target) -> {
        throw new org.geoprospect.core.InvalidInputException(input.identifier(), "input '" + input.identifier()
                + "': this host resolves no references ('" + reference.href() + "'); give the data itself");
    };

    /**
     * @param input     the input the reference is for; errors name it
     * @param reference the reference as the request gave it
     * @param target    where to write fetched content, without extension (add {@link FileTypes#extension})
     * @return the file holding the value: {@code target} with an extension, or a file the host already has
     * @throws org.geoprospect.core.InvalidInputException if the reference cannot be resolved (unknown layer,
     *                                                   refused URL, failed fetch)
     */
    Path resolve(InputDescription input, InputValue.Reference reference, Path target) throws IOException;
}
