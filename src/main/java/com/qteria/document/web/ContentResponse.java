package com.qteria.document.web;

import com.qteria.document.DocumentBytes;
import com.qteria.document.DocumentContent;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The original bytes of a document as a response, for the API and for the pages alike. */
final class ContentResponse {

    private ContentResponse() {
    }

    /**
     * Served: inline, never cached by shared caches; Spring MVC turns it into 206 partial content for a Range
     * request. Unsatisfiable: 416 with {@code Content-Range: bytes *&#47;size} and no body.
     */
    static ResponseEntity<?> of(DocumentBytes bytes) {
        return switch (bytes) {
            case DocumentBytes.Served served -> inline(served.content());
            case DocumentBytes.Unsatisfiable unsatisfiable -> ResponseEntity
                    .status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + unsatisfiable.sizeBytes())
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .build();
        };
    }

    private static ResponseEntity<?> inline(DocumentContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.resource());
    }
}
