package org.geoprospect.samples;

import org.geoprospect.core.Warnings;

import java.nio.file.Path;

/** Reads one point-layer format into a {@link PointTable}. Implementations are stateless and thread-safe. */
public interface PointLayerReader {
    /**
     * @param warnings receives recoverable problems (a record without coordinates, an overridden CRS)
     * @throws org.geoprospect.core.InvalidInputException naming the file (and line, column) when it cannot be read
     */
    PointTable read(Path file, PointLayerOptions options, Warnings warnings);
}
