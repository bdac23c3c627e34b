package org.geoprospect.grid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One TIFF directory entry ready to be written: tag, field type, value count and the value bytes in little-endian
 * order. Only the field types the GeoTIFF writer needs are made here.
 */
record TiffField(int tag, int type, int count, byte[] bytes) {
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int DOUBLE = 12;

    static TiffField shorts(int tag, int... values) {
        ByteBuffer b = buffer(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        return new TiffField(tag, SHORT, values.length, b.array());
    }

    static TiffField longs(int tag, long... values) {
        ByteBuffer b = buffer(4 * values.length);
        for (long v : values) {
            b.putInt((int) v);
        }
        return new TiffField(tag, LONG, values.length, b.array());
    }

    static TiffField doubles(int tag, double... values) {
        ByteBuffer b = buffer(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return new TiffField(tag, DOUBLE, values.length, b.array());
    }

    /** NUL-terminated text; TIFF ASCII is 7-bit, so callers escape anything else (readers decode it as US-ASCII). */
    static TiffField ascii(int tag, String text) {
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[chars.length + 1];
        System.arraycopy(chars, 0, bytes, 0, chars.length);
        return new TiffField(tag, ASCII, bytes.length, bytes);
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
