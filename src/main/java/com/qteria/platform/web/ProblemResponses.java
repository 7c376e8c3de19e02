package com.qteria.platform.web;

import com.qteria.shared.FieldError;
import com.qteria.shared.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import java.util.stream.Collectors;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem details of API.md — {@code type, title, status, detail, instance, code, request_id,
 * errors} — for controllers, filters and the error page alike, so every error path answers the same shape.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Map<String, Object> body(HttpServletRequest request, ProblemCode code, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status().value());
        body.put("detail", detail != null ? detail : code.title() + ".");
        body.put("instance", originalUri(request));
        body.put("code", code.name());
        body.put("request_id", RequestIdFilter.idOf(request));
        body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return body;
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ProblemCode code, String detail,
            List<FieldError> errors, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(code.status()).contentType(PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        return builder.body(body(request, code, detail, errors));
    }

    /** For filters and entry points that answer before any controller runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code, String detail,
            Duration retryAfter) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        json.writeValue(response.getOutputStream(), body(request, code, detail, List.of()));
    }

    /** Whether the caller talks to the API (JSON) rather than to the pages (HTML). */
    /** Whether the exception or any of its causes is one the test accepts. */
    static boolean causedBy(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isApiRequest(HttpServletRequest request) {
        String uri = originalUri(request);
        if (uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/v3/") || uri.startsWith("/actuator")) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    /** The JSON path of the value Jackson could not read ({@code criteria[2].checks[0]}); empty when unknown. */
    public static String fieldPath(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static String originalUri(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        return forwarded != null ? forwarded.toString() : request.getRequestURI();
    }
}
