package com.qteria.support;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for Sentry's ingestion endpoint ({@code POST /api/{project}/envelope/}): it keeps every envelope
 * exactly as the SDK sent it (gzip undone) and answers 200, so a test sees what would have left the installation.
 */
public final class FakeSentry implements AutoCloseable {

    private final HttpServer server;
    private final List<String> envelopes = new CopyOnWriteArrayList<>();

    public FakeSentry() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(body))
                    : new ByteArrayInputStream(body)) {
                envelopes.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The DSN that points the SDK here. */
    public String dsn() {
        return "http://public@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    /** The first envelope received that satisfies {@code wanted}, waiting up to {@code limit} for it. */
    public String await(Predicate<String> wanted, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (String envelope : envelopes) {
                if (wanted.test(envelope)) {
                    return envelope;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No such envelope within " + limit + "; received " + envelopes.size() + ": "
                + envelopes);
    }

    public List<String> envelopes() {
        return List.copyOf(envelopes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
