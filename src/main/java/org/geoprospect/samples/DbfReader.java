package org.geoprospect.samples;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Warnings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a dBASE III table ({@code .dbf}), the attribute part of an ESRI shapefile, as text. Field types:
 * C (text, trailing spaces removed), N and F (numbers as written, e.g. {@code 4.22241000000e+05}, spaces removed;
 * blank or {@code ***} overflow means null), D ({@code YYYYMMDD} given as ISO {@code YYYY-MM-DD}, anything else kept
 * as written; blank or {@code 00000000} means null), L ({@code true}/{@code false}; {@code ?} or blank means null).
 * A field of another type (memo, binary) is left out with a warning. Text is decoded with the given charset field by
 * field, since field widths count bytes, not characters. Stateless.
 */
final class DbfReader {
    private static final int DESCRIPTOR = 32;
    private static final byte TERMINATOR = 0x0D;

    private DbfReader() {
    }

    private record Field(String name, char type, int offset, int length) {
    }

    /** @throws InvalidInputException naming the file when it is not a dBASE table or is cut short */
    static DbfTable read(Path dbf, Charset charset, Warnings warnings) {
        String source = dbf.getFileName().toString();
        ByteBuffer b;
        try {
            b = ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new InvalidInputException("samples", source + ": cannot read: " + e.getMessage(), e);
        }
        if (b.capacity() < DESCRIPTOR + 1) {
            throw new InvalidInputException("samples", source + ": not a dBASE table (too short)");
        }
        int count = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        List<Field> fields = fields(b, headerLength, recordLength, charset, source);
        if (count < 0 || (long) headerLength + (long) count * recordLength > b.capacity()) {
            throw new InvalidInputException("samples", source + ": the header announces " + count
                    + " records but the file is cut short");
        }
        List<String> columns = new ArrayList<>();
        List<Field> readable = new ArrayList<>();
        for (Field f : fields) {
            if ("CNFDL".indexOf(f.type()) < 0) {
                warnings.add(source + ": field " + f.name() + " of dBASE type '" + f.type()
                        + "' cannot be read and was left out");
            } else {
                columns.add(f.name());
                readable.add(f);
            }
        }
        List<String[]> rows = new ArrayList<>(count);
        boolean[] deleted = new boolean[count];
        byte[] record = new byte[recordLength];
        for (int r = 0; r < count; r++) {
            b.get(headerLength + r * recordLength, record);
            deleted[r] = record[0] == '*';
            String[] row = new String[readable.size()];
            for (int c = 0; c < row.length; c++) {
                Field f = readable.get(c);
                row[c] = value(f.type(), new String(record, f.offset(), f.length(), charset));
            }
            rows.add(row);
        }
        return new DbfTable(columns, rows, deleted);
    }

    private static List<Field> fields(ByteBuffer b, int headerLength, int recordLength, Charset charset,
                                      String source) {
        List<Field> fields = new ArrayList<>();
        int offset = 1; // byte 0 of a record is its deletion flag
        for (int at = DESCRIPTOR; at < headerLength && b.get(at) != TERMINATOR; at += DESCRIPTOR) {
            if (at + DESCRIPTOR > b.capacity()) {
                throw new InvalidInputException("samples", source + ": field descriptors are cut short");
            }
            byte[] name = new byte[11];
            b.get(at, name);
            int end = 0;
            while (end < name.length && name[end] != 0) {
                end++;
            }
            int length = Byte.toUnsignedInt(b.get(at + 16));
            fields.add(new Field(new String(name, 0, end, charset).strip(), (char) b.get(at + 11), offset, length));
            offset += length;
        }
        if (fields.isEmpty() || offset > recordLength) {
            throw new InvalidInputException("samples", source + ": not a dBASE table (" + fields.size()
                    + " fields of " + (offset - 1) + " bytes in records of " + recordLength + ")");
        }
        return fields;
    }

    private static String value(char type, String raw) {
        switch (type) {
            case 'C':
                return raw.replaceAll("[ \\x00]+$", "");
            case 'N':
            case 'F': {
                String t = raw.strip();
                return t.startsWith("*") ? "" : t;
            }
            case 'D': {
                String t = raw.strip();
                if (t.equals("00000000")) {
                    return "";
                }
                return t.matches("\\d{8}") ? t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6) : t;
            }
            default: {
                String t = raw.strip().toUpperCase(Locale.ROOT);
                return t.isEmpty() || t.equals("?") ? "" : Boolean.toString("TY".indexOf(t.charAt(0)) >= 0);
            }
        }
    }
}
