package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.geoprospect.crs.Crs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleSetBuilderTest {
    private static final SampleSetBuilder BUILDER = new SampleSetBuilder(ValuePolicy.DEFAULT);

    /** A table at distinct points 0, 1, 2, … along x. */
    private static PointTable table(List<String> columns, String[]... values) {
        int n = values[0].length;
        double[] x = new double[n];
        long[] lines = new long[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            lines[i] = i + 2;
        }
        return new PointTable("t.csv", Crs.epsg(3067), x, new double[n], columns, List.of(values), "line", lines);
    }

    @Test
    void missingValuesBecomeNaNNeverZero() {
        PointTable t = table(List.of("Cu_ppm"), new String[] {"", "NA", "-9999", "3"});
        SampleSet s = BUILDER.build(t, List.of("Cu"), new Warnings());
        double[] v = s.elements().get(0).values();
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 3}, v);
        assertEquals(1, s.elements().get(0).count());
        assertEquals("ppm", s.elements().get(0).unit());
    }

    @Test
    void kolariFlagColumnMarksBelowDetection() {
        PointTable t = table(List.of("Zr_ppm_511", "Zr_511P_T"), new String[] {"166", "20", "30"},
                new String[] {"<", "", "!"});
        Warnings warnings = new Warnings();
        SampleSet s = BUILDER.build(t, List.of("Zr"), warnings);
        assertEquals("Zr_ppm_511", s.elements().get(0).column());
        assertArrayEquals(new double[] {83, 20, 30}, s.elements().get(0).values());
        assertTrue(warnings.list().stream().anyMatch(w -> w.contains("1 value(s) below") && w.contains("Zr_511P_T")),
                warnings.list().toString());
    }

    @Test
    void duplicateLocationsAreMergedByTheMeanOfPresentValues() {
        double[] x = {0, 5, 0, 0, 5};
        double[] y = {0, 5, 0, -0.0, 5};
        PointTable t = new PointTable("d.csv", Crs.epsg(3067), x, y, List.of("Cu", "Zn"),
                List.of(new String[] {"1", "7", "", "4", "9"}, new String[] {"", "", "", "", "3"}),
                "line", new long[] {2, 3, 4, 5, 6});
        Warnings warnings = new Warnings();
        SampleSet s = BUILDER.build(t, List.of("Cu", "Zn"), warnings);
        assertArrayEquals(new double[] {0, 5}, s.x());
        assertArrayEquals(new double[] {0, 5}, s.y());
        assertArrayEquals(new double[] {(1 + 4) / 2.0, (7 + 9) / 2.0}, s.elements().get(0).values());
        assertArrayEquals(new double[] {Double.NaN, 3}, s.elements().get(1).values());
        assertTrue(warnings.list().stream().anyMatch(w -> w.contains("3 sample(s) at an already-used location")),
                warnings.list().toString());
    }

    @Test
    void elementWithoutAnyValueIsAnError() {
        PointTable t = table(List.of("Au_ppb"), new String[] {"", "NA"});
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BUILDER.build(t, List.of("Au"), new Warnings()));
        assertTrue(e.getMessage().contains("t.csv") && e.getMessage().contains("Au_ppb"), e.getMessage());
    }

    @Test
    void unknownElementListsTheElementColumns() {
        PointTable t = table(List.of("SampNo", "Cu_ppm", "Cu_511P_T", "Au_ppb"), new String[] {"a"},
                new String[] {"1"}, new String[] {""}, new String[] {"2"});
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BUILDER.build(t, List.of("Ni"), new Warnings()));
        assertTrue(e.getMessage().contains("'Ni'") && e.getMessage().contains("[Cu_ppm, Au_ppb]"), e.getMessage());
    }
}
