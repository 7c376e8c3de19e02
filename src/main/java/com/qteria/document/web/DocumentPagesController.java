package com.qteria.document.web;

import static java.util.stream.Collectors.toSet;

import com.qteria.document.DocumentId;
import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentView;
import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.PageResponse;
import com.qteria.platform.web.ListPages;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.workflow.WorkflowId;
import com.qteria.workflow.WorkflowManagement;
import com.qteria.workflow.WorkflowView;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The document pages: the organization's documents, uploading into a workflow's buckets, and "what Qteria read"
 * (the extracted text of every page, with OCR and unread pages marked).
 */
@Controller
@RequestMapping("/documents")
@PreAuthorize("hasRole('PROJECT_HANDLER')")
class DocumentPagesController {

    static final int LIST_SIZE = 50;
    static final int PAGES_PER_VIEW = 10;

    private final DocumentManagement documents;
    private final WorkflowManagement workflows;
    private final IdentityManagement identity;

    DocumentPagesController(DocumentManagement documents, WorkflowManagement workflows, IdentityManagement identity) {
        this.documents = documents;
        this.workflows = workflows;
        this.identity = identity;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, ListPages.Query query, Model model) {
        PageResponse<DocumentView> found = ListPages.show(model, "documents", query,
                documents.list(user.tenantId(), query.q(), query.paging(LIST_SIZE)));
        model.addAttribute("uploaders", identity.userNames(user.tenantId(),
                found.items().stream().map(DocumentView::uploadedBy).filter(Objects::nonNull).collect(toSet())));
        model.addAttribute("workflows", workflows.list(user.tenantId(), "", false, Paging.of(0, 100)).items());
        return "document/list";
    }

    /** Upload the client's documents into the buckets of a workflow. */
    @GetMapping("/new")
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam WorkflowId workflow, Model model) {
        WorkflowView view = workflows.get(user.tenantId(), workflow);
        model.addAttribute("workflow", view);
        return "document/upload";
    }

    @GetMapping("/{id}")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id,
            @RequestParam(defaultValue = "1") int from, Model model) {
        DocumentView document = documents.get(user.tenantId(), id);
        int first = Math.max(1, from);
        List<DocumentPage> pages = documents.pages(user.tenantId(), id, first, PAGES_PER_VIEW);
        model.addAttribute("document", document);
        model.addAttribute("pages", pages);
        model.addAttribute("from", first);
        model.addAttribute("pagesPerView", PAGES_PER_VIEW);
        model.addAttribute("uploader", document.uploadedBy() == null ? null
                : identity.userNames(user.tenantId(), Set.of(document.uploadedBy())).get(document.uploadedBy()));
        return "document/read";
    }

    /** The status of one document as a list row fragment; the upload page polls it until reading has finished. */
    @GetMapping("/{id}/status")
    String status(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id, Model model) {
        model.addAttribute("document", documents.get(user.tenantId(), id));
        return "document/fragments :: status";
    }

    @GetMapping("/{id}/content")
    ResponseEntity<?> content(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        return ContentResponse.of(documents.content(user, id, range));
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable DocumentId id, RedirectAttributes redirect) {
        String filename = documents.get(user.tenantId(), id).filename();
        try {
            documents.delete(user, id);
        } catch (ApiProblem problem) {
            if (problem.code() != ProblemCode.CONFLICT) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "document.deleteBlocked");
            redirect.addFlashAttribute("noticeArgument", filename);
            return "redirect:/documents/" + id;
        }
        redirect.addFlashAttribute("notice", "document.deleted");
        redirect.addFlashAttribute("noticeArgument", filename);
        return "redirect:/documents";
    }
}
