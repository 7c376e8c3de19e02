package com.qteria.platform.web;

import com.qteria.shared.FieldError;
import com.qteria.shared.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Multipart bodies are parsed before a controller is chosen, so their failures reach no controller-specific advice:
 * this one applies everywhere and answers with problem details — 413 over the upload limit, 422 for a part whose
 * headers exceed {@code server.tomcat.max-part-header-size} (in practice: a file name far longer than the 1,000
 * characters the document module accepts; Tomcat reports it as a size limit, which would read "too large"), 413 with
 * its own words for more parts than {@code server.tomcat.max-part-count} (QTERIA_MAX_FILES_PER_UPLOAD: Spring reports
 * that as a size limit too), 400 for a body that is not valid multipart.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartExceptionHandler {

    private final ProblemResponses problems;
    private final int maxParts;

    MultipartExceptionHandler(ProblemResponses problems,
            @Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.problems = problems;
        this.maxParts = maxParts;
    }

    /** Tomcat's words when a part's header section is over its limit. */
    private static final String HEADER_SECTION_TOO_LARGE = "Header section has more than";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (tooManyParts(e)) {
            return tooManyParts(request);
        }
        if (headerSectionTooLarge(e)) {
            return problems.entity(request, ProblemCode.VALIDATION_FAILED, "The file name is too long: Qteria "
                    + "accepts up to 1,000 characters. Rename the file and upload it again.",
                    List.of(new FieldError("file", "The file name is longer than 1,000 characters.")), null);
        }
        return problems.entity(request, ProblemCode.PAYLOAD_TOO_LARGE,
                "The upload is larger than the configured limit. Split large "
                    + "documents into smaller files, or upload fewer files at once.", List.of(), null);
    }

    private static boolean headerSectionTooLarge(Throwable e) {
        return ProblemResponses.causedBy(e,
                cause -> cause.getMessage() != null && cause.getMessage().contains(HEADER_SECTION_TOO_LARGE));
    }

    private ResponseEntity<Object> tooManyParts(HttpServletRequest request) {
        return problems.entity(request, ProblemCode.PAYLOAD_TOO_LARGE, "An upload takes at most " + maxParts
                + " files at once, and this one has more. Upload the files in several batches.", List.of(), null);
    }

    private static boolean tooManyParts(Throwable e) {
        return ProblemResponses.causedBy(e, FileCountLimitExceededException.class::isInstance);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> malformed(MultipartException e, HttpServletRequest request) {
        if (tooManyParts(e)) {
            return tooManyParts(request);
        }
        return problems.entity(request, ProblemCode.MALFORMED_REQUEST,
                "The request body is not valid multipart/form-data.", List.of(), null);
    }
}
