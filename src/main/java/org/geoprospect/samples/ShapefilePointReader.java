package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;

import java.nio.file.Path;

final class ShapefilePointReader implements PointLayerReader {
    @Override
    public PointTable read(Path file, PointLayerOptions options, Warnings warnings) {
        throw new InvalidInputException("samples", "not yet readable: " + file);
    }
}
