package org.geoprospect.grid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a single-image, little-endian classic TIFF with strips: the 8-byte header, the strips as they come (DEFLATE
 * compressed when asked), then the image file directory with StripOffsets and StripByteCounts added. Putting the
 * directory last lets compressed strips be streamed without knowing their sizes beforehand, and streaming keeps the
 * memory cost to one strip (NGA tiff's writer builds the whole file in a byte array, which caps files at 2 GiB and
 * took 11.6 s for 600 MB). Offsets are 32-bit, so a file is at most 4 GiB. Not thread-safe.
 */
final class TiffStripWriter {
    static final int COMPRESSION_NONE = 1;
    static final int COMPRESSION_DEFLATE = 8;

    private static final int TAG_STRIP_OFFSETS = 273;
    private static final int TAG_STRIP_BYTE_COUNTS = 279;
    private static final long MAX_OFFSET = 0xFFFF_FFFFL;

    /** The image data, cut into strips in the order the StripOffsets tag lists them. */
    interface Strips {
        int count();

        /** Strip {@code index}, uncompressed, ready to read from position 0. */
        ByteBuffer strip(int index);
    }

    private TiffStripWriter() {
    }

    /**
     * @param fields every directory entry except StripOffsets and StripByteCounts (any order)
     * @throws IOException on write failure or when the file would pass 4 GiB
     */
    static void write(FileChannel out, List<TiffField> fields, Strips strips, boolean deflate) throws IOException {
        out.write(little(8).put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0).flip());
        long[] offsets = new long[strips.count()];
        long[] counts = new long[strips.count()];
        Deflater deflater = deflate ? new Deflater() : null;
        try {
            for (int i = 0; i < offsets.length; i++) {
                ByteBuffer data = strips.strip(i);
                if (deflater != null) {
                    data = deflate(deflater, data);
                }
                offsets[i] = out.position();
                counts[i] = data.remaining();
                writeFully(out, data);
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
        List<TiffField> all = new ArrayList<>(fields);
        all.add(TiffField.longs(TAG_STRIP_OFFSETS, offsets));
        all.add(TiffField.longs(TAG_STRIP_BYTE_COUNTS, counts));
        all.sort(Comparator.comparingInt(TiffField::tag));
        long directory = out.position() + (out.position() & 1); // directories start on a word boundary
        checkOffset(directory);
        writeDirectory(out, directory, all);
        out.write(little(4).putInt((int) directory).flip(), 4);
    }

    private static void writeDirectory(FileChannel out, long position, List<TiffField> fields) throws IOException {
        int directorySize = 2 + 12 * fields.size() + 4;
        ByteBuffer entries = little(directorySize).putShort((short) fields.size());
        ByteBuffer values = little(fields.stream().mapToInt(f -> f.bytes().length + 1).sum());
        long valuesStart = position + directorySize;
        for (TiffField f : fields) {
            entries.putShort((short) f.tag()).putShort((short) f.type()).putInt(f.count());
            if (f.bytes().length <= 4) {
                entries.put(f.bytes()).put(new byte[4 - f.bytes().length]);
            } else {
                long offset = valuesStart + values.position();
                checkOffset(offset);
                entries.putInt((int) offset);
                values.put(f.bytes());
                if ((values.position() & 1) != 0) {
                    values.put((byte) 0); // values start on a word boundary
                }
            }
        }
        entries.putInt(0); // no next directory
        out.position(position);
        writeFully(out, entries.flip());
        writeFully(out, values.flip());
    }

    private static ByteBuffer deflate(Deflater deflater, ByteBuffer data) {
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteBuffer out = ByteBuffer.allocate(data.remaining() + data.remaining() / 100 + 64);
        while (!deflater.finished()) {
            if (!out.hasRemaining()) {
                out = ByteBuffer.allocate(out.capacity() * 2).put(out.flip());
            }
            deflater.deflate(out);
        }
        return out.flip();
    }

    private static void writeFully(FileChannel out, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            out.write(data);
        }
        checkOffset(out.position());
    }

    private static void checkOffset(long offset) throws IOException {
        if (offset > MAX_OFFSET) {
            throw new IOException("the GeoTIFF would be larger than 4 GiB, the limit of classic TIFF;"
                    + " write fewer bands or use a larger cell size");
        }
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
