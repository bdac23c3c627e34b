package org.geoprospect.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Both ends of the host–worker socket: one JSON object per line (JSON escapes line breaks inside strings). Every
 * message has a {@code type}; those about one execution carry its {@code id}. Sending is thread-safe; one thread
 * receives.
 */
final class WorkerChannel implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel socket;
    private final BufferedReader in;

    WorkerChannel(SocketChannel socket) {
        this.socket = socket;
        // straight on the channel: Channels.newInputStream would hold the lock that writes need while it blocks
        InputStream raw = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return socket.read(ByteBuffer.wrap(b, off, len));
            }
        };
        this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    void send(ObjectNode message) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(message) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        synchronized (socket) {
            while (line.hasRemaining()) {
                socket.write(line);
            }
        }
    }

    /** @return the next message, or null when the other end has gone */
    ObjectNode receive() throws IOException {
        String line = in.readLine();
        return line == null ? null : (ObjectNode) JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
