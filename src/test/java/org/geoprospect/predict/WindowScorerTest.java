package org.geoprospect.predict;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Band;
import org.geoprospect.grid.GridGeometry;
import org.geoprospect.grid.Raster;
import org.geoprospect.learn.Calibration;
import org.geoprospect.learn.Ensemble;
import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.NetworkSpec;
import org.geoprospect.learn.Networks;
import org.geoprospect.learn.PatchSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowScorerTest {
    private static final NetworkSpec SMALL = new NetworkSpec(NetworkArchitecture.SMALL, 3, 2, 16);
    private static final int[] ROWS = {0, 4, 9, 14, 2};
    private static final int[] COLUMNS = {0, 7, 3, 14, 11};

    /** An ensemble's probability is its members' mean, its spread their standard deviation, each member alone. */
    @Test
    void anEnsembleAveragesItsMembersAndReportsTheirSpread() {
        PatchSource source = source();
        List<Calibration> calibrations = List.of(Calibration.of(1.0, 0.0), Calibration.of(0.5, 0.4),
                Calibration.of(2.0, -1));
        List<float[][]> alone = new ArrayList<>(); // per member: probability with and without flips
        List<Ensemble.Member> members = new ArrayList<>();
        for (Calibration c : calibrations) {
            members.add(new Ensemble.NetworkMember(Networks.newModel(SMALL), c));
        }
        try (Ensemble ensemble = new Ensemble(members)) {
            for (Ensemble.Member m : ensemble.members()) {
                Ensemble one = new Ensemble(List.of(m)); // shares the member: not closed here
                WindowScorer.Scores plain = score(one, source, false);
                WindowScorer.Scores flipped = score(one, source, true);
                assertNull(plain.memberSpread(), "one member has no spread over members");
                alone.add(new float[][] {plain.probability(), flipped.probability()});
            }
            WindowScorer.Scores plain = score(ensemble, source, false);
            WindowScorer.Scores flipped = score(ensemble, source, true);
            assertNull(plain.spread());
            for (int w = 0; w < ROWS.length; w++) {
                for (int f = 0; f < 2; f++) {
                    double mean = 0;
                    for (float[][] a : alone) {
                        mean += a[f][w] / 3.0;
                    }
                    double squares = 0;
                    for (float[][] a : alone) {
                        squares += (a[f][w] - mean) * (a[f][w] - mean);
                    }
                    WindowScorer.Scores s = f == 0 ? plain : flipped;
                    assertEquals(mean, s.probability()[w], 1e-6, "window " + w);
                    assertEquals(Math.sqrt(squares / 3), s.memberSpread()[w], 1e-6, "window " + w);
                }
                assertTrue(flipped.spread()[w] >= 0);
            }
            double spread = 0;
            for (float s : plain.memberSpread()) {
                spread += s;
            }
            assertTrue(spread > 1e-3, "differently calibrated members disagree: " + spread);
        }
    }

    private static WindowScorer.Scores score(Ensemble model, PatchSource source, boolean flips) {
        return new WindowScorer(model, source, SMALL.inputSize(), flips, 2).score(ROWS, COLUMNS,
                ProgressListener.NONE, Cancellation.none());
    }

    private static PatchSource source() {
        GridGeometry grid = new GridGeometry(Crs.epsg(32650), 0, 3000, 100, 100, 30, 30);
        List<Band> bands = new ArrayList<>();
        for (String name : List.of("Au", "As", "Sb")) {
            float[] data = new float[30 * 30];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) Math.sin(i * 0.07 + name.charAt(1));
            }
            bands.add(new Band(name, Map.of(), data));
        }
        return PatchSource.of(new Raster(grid, bands, Map.of()), List.of("Au", "As", "Sb"));
    }
}
