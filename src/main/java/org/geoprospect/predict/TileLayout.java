package org.geoprospect.predict;

import org.geoprospect.core.InvalidInputException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's tile protocol: a grid of width × height cells cut into {@code rows} × {@code columns} tiles, numbered
 * 1 … rows·columns row by row from the top-left (north-west) tile, as in the paper's figures (3072² cells in 12 × 12
 * tiles of 256²: tile 1 is the north-west corner, 12 the north-east, 144 the south-east). When the grid does not
 * divide evenly, tile edges fall on {@code round(i · height / rows)} (and likewise for columns), so that tiles
 * differ by at most one cell and cover every cell. Immutable.
 */
public final class TileLayout {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    private final int rows;
    private final int columns;
    private final int[] rowEdges;
    private final int[] columnEdges;
    private final int[] tileRowOfRow;
    private final int[] tileColumnOfColumn;

    /**
     * @throws InvalidInputException (input {@code tiles}) unless 1 ≤ rows ≤ height and 1 ≤ columns ≤ width
     */
    public TileLayout(int rows, int columns, int width, int height) {
        if (rows < 1 || columns < 1 || rows > height || columns > width) {
            throw new InvalidInputException("tiles", rows + "x" + columns + " tiles do not fit a grid of " + width
                    + " × " + height + " cells: each tile needs at least one cell");
        }
        this.rows = rows;
        this.columns = columns;
        this.rowEdges = edges(rows, height);
        this.columnEdges = edges(columns, width);
        this.tileRowOfRow = lookup(rowEdges);
        this.tileColumnOfColumn = lookup(columnEdges);
    }

    /**
     * @param spec rows × columns as {@code 12x12} ({@code X} and {@code ×} too)
     * @throws InvalidInputException (input {@code tiles}) for any other text, or tiles that do not fit
     */
    public static TileLayout parse(String spec, int width, int height) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new InvalidInputException("tiles", "tiles '" + spec + "' is not ROWSxCOLUMNS, e.g. 12x12");
        }
        return new TileLayout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), width, height);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** @return rows · columns */
    public int count() {
        return rows * columns;
    }

    /** @return the number (1-based) of the tile in tile row {@code tileRow} (0 = north) and tile column {@code tileColumn} */
    public int number(int tileRow, int tileColumn) {
        return tileRow * columns + tileColumn + 1;
    }

    /** @return the number of the tile holding grid cell (row, column) */
    public int numberOf(int row, int column) {
        return number(tileRowOfRow[row], tileColumnOfColumn[column]);
    }

    /** @return the first grid row of a tile row */
    public int firstRow(int tileRow) {
        return rowEdges[tileRow];
    }

    /** @return the grid row after the last of a tile row */
    public int endRow(int tileRow) {
        return rowEdges[tileRow + 1];
    }

    /** @return the first grid column of a tile column */
    public int firstColumn(int tileColumn) {
        return columnEdges[tileColumn];
    }

    /** @return the grid column after the last of a tile column */
    public int endColumn(int tileColumn) {
        return columnEdges[tileColumn + 1];
    }

    @Override
    public String toString() {
        return rows + "x" + columns;
    }

    private static int[] edges(int parts, int cells) {
        int[] edges = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            edges[i] = (int) Math.round((double) i * cells / parts);
        }
        return edges;
    }

    private static int[] lookup(int[] edges) {
        int[] part = new int[edges[edges.length - 1]];
        for (int i = 0; i + 1 < edges.length; i++) {
            for (int c = edges[i]; c < edges[i + 1]; c++) {
                part[c] = i;
            }
        }
        return part;
    }
}
