package com.qteria.evaluation.ai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.evaluation.AiSettings;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.LanguageModelException;
import com.qteria.evaluation.LanguageModelException.Kind;
import com.qteria.evaluation.ai.ProviderFailures.ProviderError;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider reached by one JSON {@code POST} per {@link #complete} call, what both adapters share: Spring's
 * {@link RestClient} on the JDK's {@link HttpClient}, the connect and answer timeout of {@link AiSettings#timeout()},
 * request and answer bodies as records in the provider's snake_case wire format, and every failure as a classified
 * {@link LanguageModelException}.
 * <p>
 * Exactly one HTTP request per call: the JDK client neither retries a {@code POST} nor follows redirects here, and
 * nothing above it does; the evaluation's {@link GuardedModel} retries every provider alike. HTTP/1.1, also towards
 * a self-hosted endpoint on plain {@code http}, where the JDK client would otherwise try an {@code h2c} upgrade. Proxies
 * are the JVM's ({@code https.proxyHost} …), unless one is given.
 */
public abstract class HttpLanguageModel implements LanguageModel, AutoCloseable {

    /** The wire format of both providers: snake_case fields, absent rather than {@code null}, unknown ones ignored. */
    private static final JsonMapper WIRE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String name;
    private final String baseUrl;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final RestClient rest;

    /**
     * @param provider  the first part of {@link #name()}
     * @param publicApi the provider's public endpoint, used when the settings name no base URL
     * @param proxy     the HTTP proxy to go through; {@code null}: the JVM's proxy settings
     * @param clock     what an HTTP-date {@code retry-after} is measured from
     * @throws IllegalArgumentException the base URL is no {@code http} or {@code https} URL
     */
    protected HttpLanguageModel(String provider, AiSettings settings, String publicApi, Proxy proxy, Clock clock) {
        this.name = provider + "/" + settings.model();
        this.baseUrl = httpUrl(settings.baseUrl().isEmpty() ? publicApi : settings.baseUrl());
        this.model = settings.model();
        this.apiKey = settings.apiKey();
        this.timeout = settings.timeout();
        this.clock = clock;
        this.http = client(timeout, proxy);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        this.rest = RestClient.builder().requestFactory(requests).build();
    }

    private static HttpClient client(Duration timeout, Proxy proxy) {
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        ProxySelector proxies = proxy == null ? ProxySelector.getDefault()
                : ProxySelector.of((InetSocketAddress) proxy.address());
        return proxies == null ? client.build() : client.proxy(proxies).build();
    }

    private static String httpUrl(String url) {
        String base = url.replaceAll("/+$", "");
        try {
            URI uri = new URI(base);
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                return base;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("The AI provider's base URL must be an http:// or https:// URL: " + base);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String model() {
        return model;
    }

    /** The configured endpoint, or the provider's public one; without a trailing slash. */
    protected final String baseUrl() {
        return baseUrl;
    }

    /** The key as configured; empty for an endpoint that takes none. */
    protected final String apiKey() {
        return apiKey;
    }

    /**
     * Sends {@code request} as JSON and reads a 2xx answer as {@code answerType}.
     *
     * @throws LanguageModelException the provider's error, no answer in time, no connection, or an answer that is not
     *                                 of the expected shape
     */
    protected final <T> T post(URI uri, Consumer<HttpHeaders> headers, Object request, Class<T> answerType) {
        Answer answer = exchange(uri, headers, request);
        if (answer.status() / 100 != 2) {
            throw failure(answer);
        }
        try {
            T read = WIRE.readValue(answer.body(), answerType);
            if (read == null) {
                throw unreadable("empty body");
            }
            return read;
        } catch (JacksonException e) {
            throw unreadable(e.getOriginalMessage());
        }
    }

    /**
     * What an HTTP error means; the providers' statuses and error types ({@link ProviderFailures#kind}) unless the
     * adapter knows better.
     */
    protected Kind kind(int status, ProviderError error) {
        return ProviderFailures.kind(status, error);
    }

    /**
     * The provider refused the request (400, 422) and named one of {@code words} (a request field) in its message: an
     * endpoint that does not know a feature this adapter used, e.g. structured output.
     */
    protected static boolean refusedFeature(LanguageModelException e, String... words) {
        if (e.kind() != Kind.BAD_REQUEST || e.getMessage() == null) {
            return false;
        }
        String message = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        for (String word : words) {
            if (message.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A 2xx answer that is not what the API documents: the server failed, trying again may help. */
    protected final LanguageModelException unreadable(String why) {
        return new LanguageModelException(Kind.SERVER_ERROR, name + ": unreadable answer ("
                + ProviderFailures.shorten(ProviderFailures.redact(String.valueOf(why), apiKey)) + ")");
    }

    /** Ends the client's connections; a call still running fails. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private Answer exchange(URI uri, Consumer<HttpHeaders> headers, Object request) {
        try {
            return rest.post().uri(uri)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(WIRE.writeValueAsBytes(request))
                    .exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders(), new String(response.getBody().readAllBytes(),
                                    StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            throw ProviderFailures.transport(name, e, timeout, apiKey);
        }
    }

    private LanguageModelException failure(Answer answer) {
        ProviderError error = ProviderError.parse(answer.body());
        Duration retryAfter = ProviderFailures.retryAfter(answer.header("retry-after-ms"),
                answer.header("retry-after"), clock.instant()).orElse(null);
        String requestId = answer.header("request-id").isEmpty() ? answer.header("x-request-id")
                : answer.header("request-id");
        String detail = ProviderFailures.detail(name, answer.status(), error.label(), error.message(), requestId,
                apiKey);
        return new LanguageModelException(kind(answer.status(), error), detail, retryAfter, null);
    }

    /** An HTTP answer of any status, its body read whole. */
    private record Answer(int status, HttpHeaders headers, String body) {

        String header(String name) {
            String value = headers.getFirst(name);
            return value == null ? "" : value;
        }
    }
}
