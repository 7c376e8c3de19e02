package com.qteria.support.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endpoint that accepts each connection, reads the start of the request and hangs up without answering: a provider
 * or proxy that lost the connection. Counts the connections, so a test sees whether the client tried again.
 */
public final class DroppingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public DroppingServer() {
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::serve);
    }

    /** {@code http://127.0.0.1:PORT} */
    public String origin() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                connections.incrementAndGet();
                InputStream in = connection.getInputStream();
                in.readNBytes(in.available() > 0 ? in.available() : 1);
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }
}
