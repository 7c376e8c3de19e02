package com.qteria.document.web;

import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The browser's upload: the same as {@code POST /api/v1/documents} but with the session and its CSRF token, so the
 * pages can send files with progress events (XMLHttpRequest) and read problem details on failure.
 */
@RestController
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class DocumentUploadController {

    private final ReceivedFiles received;

    DocumentUploadController(ReceivedFiles received) {
        this.received = received;
    }

    @PostMapping(path = "/documents/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PageResponse<DocumentView> upload(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        List<DocumentView> uploaded = received.upload(user, files == null ? List.of() : files);
        return PageResponse.of(uploaded, new Paging(0, Math.max(1, uploaded.size())), uploaded.size());
    }
}
