package com.qteria.platform.web;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception raised by an API controller into the problem details of API.md. Errors raised before a
 * controller is chosen (unknown routes, 405, oversize bodies) reach {@link ProblemErrorController} instead.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemResponses problems;

    ApiExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e, HttpServletRequest request) {
        return problems.entity(request, e.code(), e.getMessage(), e.errors(), e.retryAfter());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(toJsonPath(f.getField()), f.getDefaultMessage()))
                .toList();
        return problems.entity(request, ProblemCode.VALIDATION_FAILED, "The request has invalid fields.", errors, null);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        toJsonPath(r.getMethodParameter().getParameterName()), err.getDefaultMessage())))
                .toList();
        return problems.entity(request, ProblemCode.VALIDATION_FAILED, "The request has invalid fields.", errors, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (RequestBodyLimit.causedByTooLarge(e)) {
            return problems.entity(request, ProblemCode.PAYLOAD_TOO_LARGE, e.getMostSpecificCause().getMessage()
                    + ", the most Qteria accepts here (QTERIA_MAX_JSON_BODY).", List.of(), null);
        }
        if (e.getCause() instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            String field = ProblemResponses.fieldPath(mismatch);
            return problems.entity(request, ProblemCode.VALIDATION_FAILED, "The request has invalid fields.",
                    List.of(new FieldError(field, "has a value of the wrong type or an unknown value")), null);
        }
        return problems.entity(request, ProblemCode.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON.", List.of(), null);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class})
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.MALFORMED_REQUEST,
                "The parameter '" + e.getParameterName() + "' is missing.", List.of(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof ApiProblem problem) {
            return apiProblem(problem, request);
        }
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return problems.entity(request, ProblemCode.NOT_FOUND, "Resource not found.", List.of(), null);
        }
        return problems.entity(request, ProblemCode.MALFORMED_REQUEST,
                "The parameter '" + e.getName() + "' has an invalid value.", List.of(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.INSUFFICIENT_PERMISSIONS,
                "Your role does not allow this action.", List.of(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.METHOD_NOT_ALLOWED,
                "The method " + e.getMethod() + " is not allowed here.", List.of(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                "The content type " + e.getContentType() + " is not supported here.", List.of(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.NOT_ACCEPTABLE, "No acceptable representation.", List.of(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.NOT_FOUND, "Resource not found.", List.of(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.entity(request, ProblemCode.INTERNAL,
                "Something went wrong on our side. Quote the request id when you report it.", List.of(), null);
    }

    private static String toJsonPath(String javaPath) {
        if (javaPath == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : javaPath.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket >= 0 ? part.substring(0, bracket) : part;
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
            if (bracket >= 0) {
                out.append(part.substring(bracket));
            }
        }
        return out.toString();
    }
}
