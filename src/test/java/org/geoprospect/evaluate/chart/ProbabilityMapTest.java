package org.geoprospect.evaluate.chart;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbabilityMapTest {
    // 40 km × 20 km in 1 km cells: probability rises west to east, the north-west cell has no data
    private static final ProbabilityMap.MapGrid GRID = new ProbabilityMap.MapGrid(40, 20, 400_000, 2_520_000, 1000,
            1000, 1.0);

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(new Color(0x440154), ProbabilityMap.colour(0));
        assertEquals(new Color(0xFDE725), ProbabilityMap.colour(1));
        assertEquals(new Color(0x440154), ProbabilityMap.colour(-0.5));
        Color mid = ProbabilityMap.colour(0.5); // halfway between the 5th and 6th stops
        assertEquals(new Color((0x26 + 0x1F + 1) / 2, (0x82 + 0x9E) / 2, (0x8E + 0x89 + 1) / 2), mid);
    }

    @Test
    void drawsCellsTargetsAndDepositsWhereTheyAre() throws Exception {
        float[] p = new float[GRID.columns() * GRID.rows()];
        for (int r = 0; r < GRID.rows(); r++) {
            for (int c = 0; c < GRID.columns(); c++) {
                p[r * GRID.columns() + c] = c / 39f;
            }
        }
        p[0] = Float.NaN;
        GeometryFactory f = new GeometryFactory();
        Polygon known = box(f, 430_000, 2_505_000, 436_000, 2_512_000);
        Polygon fresh = box(f, 410_000, 2_505_000, 414_000, 2_509_000);
        ProbabilityMap map = new ProbabilityMap("test map", GRID, p,
                List.of(new ProbabilityMap.Outline(known, "1", true), new ProbabilityMap.Outline(fresh, "2", false)),
                new double[] {433_000}, new double[] {2_515_500});
        BufferedImage image = map.render();
        Path file = Path.of("target", "chart-examples", "probability-map.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());

        Rectangle frame = map.frame();
        double cellPx = frame.width / 40.0;
        assertEquals(cellPx, frame.height / 20.0, 0.05, "the frame keeps the grid's aspect");
        assertTrue(cellPx >= 15, "cell " + cellPx + " px");
        int x0 = frame.x;
        int y0 = frame.y;
        assertEquals(new Color(0xE8E8E8).getRGB(), image.getRGB(x0 + 5, y0 + 5), "the no-data cell");
        // a cell in column 20 (probability 20/39), row 2, well away from outlines and labels
        assertEquals(ProbabilityMap.colour(20 / 39.0).getRGB(),
                image.getRGB((int) (x0 + 20.5 * cellPx), (int) (y0 + 2.5 * cellPx)));
        // the known target's west edge (x = 430 km, column 30) is black halfway down its 7 km
        int edgeX = (int) Math.round(x0 + 30 * cellPx);
        int midY = (int) Math.round(y0 + (2_520_000 - 2_508_500) / 1000.0 * cellPx);
        assertEquals(Color.BLACK.getRGB(), image.getRGB(edgeX, midY));
        // the new target's edge is white with a black halo
        int freshX = (int) Math.round(x0 + 10 * cellPx);
        int freshY = (int) Math.round(y0 + (2_520_000 - 2_507_500) / 1000.0 * cellPx);
        assertEquals(Color.WHITE.getRGB(), image.getRGB(freshX, freshY));
        // the deposit at (433 km, 2515.5 km) is a white dot
        assertEquals(Color.WHITE.getRGB(), image.getRGB((int) Math.round(x0 + 33 * cellPx),
                (int) Math.round(y0 + 4.5 * cellPx)));
    }

    private static Polygon box(GeometryFactory f, double minX, double minY, double maxX, double maxY) {
        return f.createPolygon(new Coordinate[] {new Coordinate(minX, minY), new Coordinate(maxX, minY),
                new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY)});
    }
}
