package com.qteria.document.web;

import com.qteria.document.DocumentContent;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The original bytes of a document as a response, for the API and for the pages alike. */
final class ContentResponse {

    private ContentResponse() {
    }

    /** Inline, never cached by shared caches; Spring MVC turns it into 206 partial content for a Range request. */
    static ResponseEntity<Resource> inline(DocumentContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content.resource());
    }

    /** A download worth an audit entry: the whole file or its first range (a viewer's further ranges are not). */
    static boolean audited(String rangeHeader) {
        return rangeHeader == null || rangeHeader.replace(" ", "").startsWith("bytes=0-");
    }
}
