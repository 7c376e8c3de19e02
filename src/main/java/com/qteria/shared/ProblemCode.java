package com.qteria.shared;

import org.springframework.http.HttpStatus;

/** The error codes of API.md, each with its HTTP status and a plain title. */
public enum ProblemCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    INSUFFICIENT_PERMISSIONS(HttpStatus.FORBIDDEN, "Insufficient permissions"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    ASSESSMENT_NOT_READY(HttpStatus.CONFLICT, "Assessment not ready"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed"),
    MISSING_REQUIRED_BUCKETS(HttpStatus.UNPROCESSABLE_CONTENT, "Missing required buckets"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    /** The document store (local disk or S3) refused to store a file: unavailable or full. Nothing was kept. */
    STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Document store unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem type URI; stable, documented in API.md by its code. */
    public String type() {
        return "https://qteria.com/problems/" + name().toLowerCase().replace('_', '-');
    }
}
