package com.qteria.document;

import com.qteria.document.DocumentEvent.DocumentDeleted;
import com.qteria.document.DocumentEvent.DocumentDownloaded;
import com.qteria.document.DocumentEvent.DocumentTextDownloaded;
import com.qteria.document.DocumentEvent.DocumentUploaded;
import com.qteria.document.persistence.Documents;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.document.storage.StoredObject;
import com.qteria.identity.CurrentUser;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.ProblemCode;
import com.qteria.shared.TenantId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Documents of an organization: upload (recognised by content, hashed, encrypted, then read in the background),
 * reading back, deletion, and holds that keep a document while an unfinished assessment uses it.
 */
@Service
public class DocumentManagement {

    private static final Logger log = LoggerFactory.getLogger(DocumentManagement.class);
    static final String STORE_REFUSED = "The document store could not take the file: it is unavailable or full. "
            + "Nothing was stored; upload the files again in a minute.";
    /** When to try again after the store refused an upload (the Retry-After header). */
    private static final Duration STORE_RETRY = Duration.ofSeconds(60);

    private final Documents documents;
    private final EncryptedStorage storage;
    private final UploadInspection inspection;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordedReads reads;

    DocumentManagement(Documents documents, EncryptedStorage storage, UploadInspection inspection,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, RecordedReads reads) {
        this.documents = documents;
        this.storage = storage;
        this.inspection = inspection;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.reads = reads;
    }

    /**
     * Accepts all files or none: every file is checked first (415 naming the first that is neither PDF nor DOCX,
     * 413 for one over the limit), then each is hashed and stored encrypted, then all rows are written in one short
     * transaction. Reading starts once that transaction has committed.
     */
    public List<DocumentView> upload(CurrentUser user, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw new ApiProblem(ProblemCode.MALFORMED_REQUEST, "Add at least one file in a part named 'file'.");
        }
        List<UploadInspection.Inspected> inspected = uploads.stream().map(inspection::inspect).toList();
        Map<UploadInspection.Inspected, StoredObject> stored = new LinkedHashMap<>();
        try {
            for (UploadInspection.Inspected file : inspected) {
                stored.put(file, storage.store(file.path()));
            }
            return transactions.execute(tx -> stored.entrySet().stream()
                    .map(entry -> insert(user, entry.getKey(), entry.getValue()))
                    .toList());
        } catch (IOException e) {
            discard(stored.values());
            log.warn("Storing an upload failed: the document store is unavailable or full ({})", e.toString());
            throw new ApiProblem(ProblemCode.STORAGE_UNAVAILABLE, STORE_REFUSED, List.of(), STORE_RETRY);
        } catch (RuntimeException e) {
            discard(stored.values());
            throw e;
        }
    }

    public DocumentView get(TenantId tenant, DocumentId id) {
        return view(document(tenant, id));
    }

    /** The documents among the given ids that belong to the tenant; others are simply absent from the map. */
    public Map<DocumentId, DocumentView> find(TenantId tenant, Collection<DocumentId> ids) {
        Map<DocumentId, DocumentView> found = new LinkedHashMap<>();
        documents.findAll(tenant, ids).forEach(document -> found.put(document.id(), view(document)));
        return found;
    }

    public PageResponse<DocumentView> list(TenantId tenant, String q, Paging paging) {
        List<DocumentView> items = documents.list(tenant, q, paging).stream().map(this::view).toList();
        return PageResponse.of(items, paging, documents.count(tenant, q));
    }

    /** Every page as the evaluators read it; empty while the document is being read or when it was rejected. */
    public List<DocumentPage> pages(TenantId tenant, DocumentId id) {
        return documents.pages(document(tenant, id).id().value(), 1, Integer.MAX_VALUE);
    }

    /**
     * Every page's text for a person who downloads it (the API's text endpoint), audited as
     * {@code document.text_downloaded}: the whole text is as telling as the file.
     */
    public List<DocumentPage> text(CurrentUser user, DocumentId id) {
        Document document = document(user.tenantId(), id);
        List<DocumentPage> pages = documents.pages(document.id().value(), 1, Integer.MAX_VALUE);
        events.publishEvent(new DocumentTextDownloaded(user.tenantId(), user.email(), id,
                document.original().filename()));
        return pages;
    }

    /** A window of pages, for showing long documents a few pages at a time. */
    public List<DocumentPage> pages(TenantId tenant, DocumentId id, int fromNumber, int count) {
        return documents.pages(document(tenant, id).id().value(), fromNumber, count);
    }

    /**
     * Page {@code number} with the boxes of its words, for highlighting a quote on it; empty when the document has
     * no such page (still being read, rejected, or fewer pages). 404 for another organization's document.
     */
    public Optional<PageLayout> layout(TenantId tenant, DocumentId id, int number) {
        return documents.layout(document(tenant, id).id().value(), number);
    }

    /**
     * The original bytes, or the parts of them a Range header asks for ({@code range} null: none), recorded as a
     * download by the rule of {@link RecordedReads}: no response that carries bytes goes unrecorded.
     */
    public DocumentBytes content(CurrentUser user, DocumentId id, String range) {
        Document document = document(user.tenantId(), id);
        Document.Original original = document.original();
        DocumentBytes bytes = DocumentBytes.of(new DocumentContent(original.filename(), original.mediaType(),
                original.sizeBytes(), new DecryptedResource(storage, document.stored(), original.filename(),
                        original.sizeBytes())), range);
        if (bytes instanceof DocumentBytes.Served served && reads.record(user, id, served)) {
            events.publishEvent(new DocumentDownloaded(user.tenantId(), user.email(), id, original.filename()));
        }
        return bytes;
    }

    /** Deletes the row and the stored object; 409 while an unfinished assessment holds the document. */
    public void delete(CurrentUser user, DocumentId id) {
        Document deleted = transactions.execute(tx -> {
            Document locked = locked(user.tenantId(), id);
            try {
                locked.delete();
            } catch (Document.IllegalTransition e) {
                throw ApiProblem.conflict("The document is used by an assessment that has not finished; "
                        + "delete it once the assessment is completed or cancelled.");
            }
            documents.delete(locked);
            events.publishEvent(new DocumentDeleted(user.tenantId(), user.email(), id, locked.original().filename()));
            return locked;
        });
        discard(List.of(deleted.stored()));
    }

    /** Marks documents as used by {@code holder} (an assessment) until {@link #release}; they cannot be deleted. */
    public void hold(TenantId tenant, Collection<DocumentId> ids, UUID holder) {
        transactions.executeWithoutResult(tx -> ids.forEach(id -> {
            Document document = locked(tenant, id);
            document.hold();
            documents.hold(document, holder, clock.instant());
        }));
    }

    public void release(UUID holder) {
        documents.release(holder);
    }

    private DocumentView insert(CurrentUser user, UploadInspection.Inspected file, StoredObject object) {
        Document document = Document.upload(new Document.Original(user.tenantId(), file.filename(),
                file.type().mediaType(), file.sizeBytes(), file.sha256(), user.id(), clock.instant()), object);
        documents.insert(document);
        events.publishEvent(new DocumentUploaded(user.tenantId(), user.email(), document.id(),
                file.filename(), file.sizeBytes(), file.sha256()));
        return view(document);
    }

    private Document document(TenantId tenant, DocumentId id) {
        return documents.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("Document"));
    }

    private Document locked(TenantId tenant, DocumentId id) {
        return documents.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("Document"));
    }

    private DocumentView view(Document document) {
        Document.Original original = document.original();
        List<Signature> signatures = document.status() == DocumentStatus.READY
                ? documents.signatures(document.id().value()) : List.of();
        return new DocumentView(document.id(), original.filename(), original.mediaType(), original.sizeBytes(),
                original.sha256(), document.pages(), document.status(), document.error(), original.uploadedBy(),
                original.uploadedAt(), document.warnings(), document.ocrPages(), signatures);
    }

    private void discard(Collection<StoredObject> objects) {
        for (StoredObject object : objects) {
            try {
                storage.delete(object.key());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete stored object {}; it is orphaned and holds only ciphertext", object.key(), e);
            }
        }
    }
}
