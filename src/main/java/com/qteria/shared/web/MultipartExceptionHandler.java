package com.qteria.shared.web;

import com.qteria.shared.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart bodies are parsed before a controller is chosen, so their failures reach no controller-specific advice:
 * this one applies everywhere and answers with problem details — 413 over the upload limit, 400 for a body that is
 * not valid multipart.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartExceptionHandler {

    private final ProblemResponses problems;

    MultipartExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.PAYLOAD_TOO_LARGE,
                "The upload is larger than the configured limit.", List.of(), null);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformed(MultipartException e, HttpServletRequest request) {
        return problems.entity(request, ProblemCode.MALFORMED_REQUEST,
                "The request body is not valid multipart/form-data.", List.of(), null);
    }
}
