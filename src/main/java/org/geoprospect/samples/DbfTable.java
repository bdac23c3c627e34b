package org.geoprospect.samples;

import java.util.List;

/**
 * The attribute table of a shapefile as text, one row per dBASE record in file order (deleted records included, so
 * that row i stays the attributes of shape i).
 *
 * @param columns column names in file order (fields of types this reader cannot decode are left out)
 * @param rows    per record, one text value per column; "" for a blank (null) value
 * @param deleted per record, whether its deletion flag is set
 */
record DbfTable(List<String> columns, List<String[]> rows, boolean[] deleted) {
    DbfTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
