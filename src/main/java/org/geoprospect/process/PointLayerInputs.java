package org.geoprospect.process;

import org.geoprospect.samples.PointLayerOptions;

/** The reading options every process takes for its point layer (samples or deposits), with the same meaning. */
final class PointLayerInputs {
    private PointLayerInputs() {
    }

    static PointLayerOptions options(ProcessInputs in) {
        return new PointLayerOptions(in.string("layer").orElse(null), in.string("xField").orElse(null),
                in.string("yField").orElse(null), in.string("crs").orElse(null));
    }
}
