package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dBASE III tables assembled byte by byte from the file format description, covering what GDAL does not write. */
class DbfReaderTest {
    @TempDir
    Path dir;

    /** Fields as {name, type, length}; records as their exact bytes: the deletion flag, then each field's text. */
    private Path dbf(String[][] fields, String... records) throws IOException {
        int recordLength = 1 + Arrays.stream(fields).mapToInt(f -> Integer.parseInt(f[2])).sum();
        int headerLength = 32 + 32 * fields.length + 1;
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        header.put(0, (byte) 3).putInt(4, records.length).putShort(8, (short) headerLength)
                .putShort(10, (short) recordLength);
        for (int i = 0; i < fields.length; i++) {
            int at = 32 + 32 * i;
            byte[] name = fields[i][0].getBytes(StandardCharsets.US_ASCII);
            header.put(at, name).put(at + 11, (byte) fields[i][1].charAt(0))
                    .put(at + 16, (byte) Integer.parseInt(fields[i][2]));
        }
        header.put(headerLength - 1, (byte) 0x0D);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (String r : records) {
            byte[] bytes = r.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(recordLength, bytes.length, "fixture record length");
            out.write(bytes);
        }
        out.write(0x1A);
        return Files.write(dir.resolve("t.dbf"), out.toByteArray());
    }

    @Test
    void decodesEachFieldTypeAndKeepsDeletedFlags() throws IOException {
        Path file = dbf(new String[][] {{"NAME", "C", "6"}, {"CU", "N", "5"}, {"AU", "F", "5"},
                        {"DAY", "D", "8"}, {"OK", "L", "1"}, {"NOTE", "M", "3"}},
                " " + " Kö   " + "  1.5" + "*****" + "20200120" + "T" + "  1",
                "*" + "ab  c " + "     " + " -0.2" + "00000000" + "?" + "   ",
                " " + "      " + "   12" + "     " + "        " + "n" + "   ");
        Warnings warnings = new Warnings();
        DbfTable t = DbfReader.read(file, StandardCharsets.ISO_8859_1, warnings);
        assertEquals(List.of("NAME", "CU", "AU", "DAY", "OK"), t.columns());
        assertArrayEquals(new String[] {" Kö", "1.5", "", "2020-01-20", "true"}, t.rows().get(0));
        assertArrayEquals(new String[] {"ab  c", "", "-0.2", "", ""}, t.rows().get(1));
        assertArrayEquals(new String[] {"", "12", "", "", "false"}, t.rows().get(2));
        assertArrayEquals(new boolean[] {false, true, false}, t.deleted());
        assertTrue(warnings.list().get(0).contains("NOTE"), warnings.list().toString());
    }

    @Test
    void aTruncatedTableIsAnError() throws IOException {
        Path file = dbf(new String[][] {{"ID", "N", "3"}}, "   1", "   2");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DbfReader.read(file, StandardCharsets.ISO_8859_1, new Warnings()));
        assertTrue(e.getMessage().contains("t.dbf") && e.getMessage().contains("cut short"), e.getMessage());
    }
}
