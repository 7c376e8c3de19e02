package com.qteria.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error that the API answers as RFC 9457 problem details with one of the codes of API.md.
 * Thrown by any module; rendered by the shared problem handler.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemCode code;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiProblem(ProblemCode code, String detail) {
        this(code, detail, List.of(), null);
    }

    public ApiProblem(ProblemCode code, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** Missing and foreign resources answer alike: nothing in the answer tells them apart. */
    public static ApiProblem notFound(String resource) {
        return new ApiProblem(ProblemCode.NOT_FOUND, resource + " not found.");
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemCode.CONFLICT, detail);
    }

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(ProblemCode.VALIDATION_FAILED, "The request has invalid fields.", errors, null);
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiProblem rateLimited(Duration retryAfter) {
        return new ApiProblem(ProblemCode.RATE_LIMITED,
                "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.", List.of(), retryAfter);
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first message per field, in order, for a form that shows each beside its field; empty without errors. */
    public Map<String, String> fieldMessages() {
        Map<String, String> messages = new LinkedHashMap<>();
        if (errors != null) {
            errors.forEach(error -> messages.putIfAbsent(error.field(), error.message()));
        }
        return messages;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
