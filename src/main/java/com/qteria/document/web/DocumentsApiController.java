package com.qteria.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Documents per API.md: every role uploads, reads and deletes its organization's documents. */
@RestController
@Tag(name = "Documents",
        description = "Upload PDF and DOCX documents, read their extracted text, download and delete them.")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class DocumentsApiController {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final DocumentManagement documents;
    private final ReceivedFiles received;

    DocumentsApiController(DocumentManagement documents, ReceivedFiles received) {
        this.documents = documents;
        this.received = received;
    }

    /**
     * One or more {@code file} parts; all are accepted or none. {@code /documents/upload} is the same for the pages:
     * it goes through the session chain (cookie and CSRF token), so the browser can send files with progress events.
     */
    @PostMapping(path = {"/api/v1/documents", "/documents/upload"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "uploadDocuments", summary = "Upload documents",
            description = "One or more file parts, all accepted or none. PDF, or DOCX (converted for reading), "
                    + "recognised by content, not by name: anything else is 415; a file over the limit is 413. "
                    + "Text extraction starts right after the upload; status tells when it is done.")
    PageResponse<DocumentView> upload(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "The files: PDF or DOCX.")
            @RequestParam(name = "file", required = false) List<MultipartFile> files) {
        return PageResponse.all(received.upload(user, files == null ? List.of() : files));
    }

    @GetMapping("/api/v1/documents")
    @Operation(operationId = "listDocuments", summary = "List the organization's documents")
    PageResponse<DocumentView> list(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "Only documents whose file name contains this text.")
            @RequestParam(required = false) String q, Paging paging) {
        return documents.list(user.tenantId(), q, paging);
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(operationId = "getDocument", summary = "Get a document's details and status")
    DocumentView get(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id) {
        return documents.get(user.tenantId(), id);
    }

    /**
     * The original bytes, inline; Spring answers Range requests (206) from the decrypting stream. Which responses are
     * audited: see {@code DocumentManagement.content}.
     */
    @GetMapping("/api/v1/documents/{id}/content")
    @Operation(operationId = "getDocumentContent", summary = "Download a document's original bytes",
            description = "Inline (Content-Disposition: inline), with the media type it was recognised as. "
                    + "Range requests are answered with 206 and the part asked for, a Range that cannot be served "
                    + "with 416 and no body. Every response with bytes is recorded as document.downloaded: always "
                    + "when it includes the first byte, else once per reader and document in ten minutes.")
    @ApiResponse(responseCode = "200", description = "The original file.", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "206", description = "The part of the file the Range header asked for.", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "416",
            description = "The Range cannot be served; Content-Range: bytes */size, no body.",
            content = @Content)
    ResponseEntity<?> content(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id,
            @Parameter(description = "A byte range, such as bytes=0-1023.")
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        return ContentResponse.of(documents.content(user, id, range));
    }

    @GetMapping("/api/v1/documents/{id}/text")
    @Operation(operationId = "getDocumentText", summary = "Get a document's extracted text, page by page",
            description = "What the evaluators read; ocr tells which pages were read by text recognition; audited "
                    + "as a download (document.text_downloaded). "
                    + "409 while the document is still being read.")
    @ApiResponse(responseCode = "200", description = "The text of every page.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    DocumentText text(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id) {
        DocumentView document = documents.get(user.tenantId(), id);
        if (document.status() == DocumentStatus.PROCESSING) {
            throw new ApiProblem(ProblemCode.CONFLICT, "The document is still being read; try again in a moment.");
        }
        return new DocumentText(document.status(), document.error(),
                documents.text(user, id).stream().map(TextPage::of).toList());
    }

    @DeleteMapping("/api/v1/documents/{id}")
    @Operation(operationId = "deleteDocument", summary = "Delete a document",
            description = "409 while an assessment that has not finished uses it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id) {
        documents.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    record DocumentText(DocumentStatus status, String error, List<TextPage> pages) {
    }

    record TextPage(int number, String text, boolean ocr, boolean needsOcr) {
        static TextPage of(DocumentPage page) {
            return new TextPage(page.number(), page.text(), page.ocr(), page.needsOcr());
        }
    }
}
