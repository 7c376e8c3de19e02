package com.qteria.support.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A language model provider in the test's own process: a JDK {@link HttpServer} on {@code 127.0.0.1}, a free port,
 * recording every request and answering with scripted responses in the provider's real wire format (the subclasses
 * know the format). Responses are taken first in, first out from {@link #enqueue}; when none is left the
 * {@link #respondByDefault default responder} answers (500 saying that nothing was scripted, unless set otherwise).
 * <p>
 * Each request is served on its own virtual thread, so a {@link FakeResponse#delay() delayed} answer does not hold up
 * the next request; {@link #close()} interrupts delays still running.
 */
public abstract class FakeModelServer implements AutoCloseable {

    protected static final JsonMapper JSON = JsonMapper.shared();

    private static final Function<Recorded, FakeResponse> NOTHING_SCRIPTED = request -> FakeResponse.json(500,
            "{\"error\":\"nothing scripted for " + request.method() + " " + request.path() + "\"}");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<FakeResponse> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Recorded, FakeResponse> defaultResponder = NOTHING_SCRIPTED;

    protected FakeModelServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * A request as it arrived.
     *
     * @param path    the request's path with its query ({@code /v1/messages}), also when the request came through a
     *                proxy with an absolute URI (the host is then in the {@code host} header)
     * @param headers by lower-case name; repeated headers joined by {@code ", "}
     */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {

        public Recorded {
            headers = Map.copyOf(headers);
        }

        /** The body as JSON (Jackson 3). */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The header's value, {@code null} when absent; the name in any case. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The path without its query. */
        public String pathOnly() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
    }

    /**
     * An HTTP answer; {@code delay} holds it back (to provoke a client's timeout).
     */
    public record FakeResponse(int status, Map<String, String> headers, String body, Duration delay) {

        public FakeResponse {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
            delay = delay == null ? Duration.ZERO : delay;
        }

        public static FakeResponse json(int status, String body) {
            return new FakeResponse(status, Map.of("content-type", "application/json"), body, Duration.ZERO);
        }

        public FakeResponse withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new FakeResponse(status, more, body, delay);
        }

        public FakeResponse delayedBy(Duration by) {
            return new FakeResponse(status, headers, body, by);
        }
    }

    /** Scripted answers, taken in order. */
    public void enqueue(FakeResponse... responses) {
        script.addAll(List.of(responses));
    }

    /** Who answers when the script is used up. */
    public void respondByDefault(Function<Recorded, FakeResponse> responder) {
        this.defaultResponder = responder;
    }

    /** Every request so far, in order of arrival. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The only request so far; fails when there were none or several. */
    public Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.getFirst();
    }

    /** Forgets the requests and the script; the default responder is the initial one again. */
    public void reset() {
        requests.clear();
        script.clear();
        defaultResponder = NOTHING_SCRIPTED;
    }

    /** Where the adapter is pointed: {@code http://127.0.0.1:PORT}, plus what the provider's convention adds. */
    public String baseUrl() {
        return origin();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String origin() {
        return "http://" + address().getHostString() + ":" + address().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * What the real API would answer before looking at the body — wrong path, missing authentication — or empty to
     * answer from the script. A rejection consumes no scripted response; the request is recorded all the same.
     */
    protected abstract Optional<FakeResponse> reject(Recorded request);

    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            Recorded request = record(exchange);
            requests.add(request);
            FakeResponse response = reject(request).orElseGet(() -> next(request));
            Thread.sleep(response.delay());
            write(exchange, response);
        } catch (IOException | InterruptedException e) {
            // The client gave up (its timeout) or the server is closing: nobody is left to answer.
        }
    }

    private FakeResponse next(Recorded request) {
        FakeResponse scripted = script.poll();
        return scripted != null ? scripted : defaultResponder.apply(request);
    }

    private static Recorded record(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Recorded(exchange.getRequestMethod(), path, headers, body);
    }

    private static void write(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
