package com.qteria.document;

import com.qteria.document.DocumentEvent.DocumentExpired;
import com.qteria.document.persistence.Documents;
import com.qteria.document.persistence.Documents.DueDocument;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.shared.TenantId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes an organization's documents that a retention policy no longer keeps, and counts them beforehand. The
 * policy itself is not known here: the caller says from which instant on documents are kept.
 * <p>
 * Decision: a document's days count from the last time an assessment took it (re-runs included), or from its upload
 * when none did, so a document still in use on a long project is not taken from under the handler, while one
 * uploaded and never assessed goes after the policy's days. A document held by a queued or running assessment, or
 * still being read, is never due. Each document goes in its own short transaction (locked, asked again whether it is
 * due, its rows deleted, {@link DocumentExpired} published for the audit log and the assessments that read it); its
 * stored object is deleted after the commit, outside any transaction.
 */
@Service
public class DocumentRetention {

    private static final Logger log = LoggerFactory.getLogger(DocumentRetention.class);

    private final Documents documents;
    private final EncryptedStorage storage;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DocumentRetention(Documents documents, EncryptedStorage storage, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.documents = documents;
        this.storage = storage;
        this.transactions = transactions;
        this.events = events;
    }

    /** How many documents (and bytes) are due: last used, or else uploaded, before {@code cutoff}. */
    public Due due(TenantId tenant, Instant cutoff) {
        Documents.Due due = documents.countDue(tenant, cutoff);
        return new Due(due.documents(), due.bytes());
    }

    /**
     * Deletes at most {@code limit} due documents, oldest first, and returns them; fewer than {@code limit} means
     * none is left. A document that stopped being due meanwhile (an assessment took it) is skipped.
     */
    public List<Expired> expire(TenantId tenant, Instant cutoff, int retentionDays, int limit) {
        List<Expired> expired = new ArrayList<>();
        for (DueDocument candidate : documents.due(tenant, cutoff, limit)) {
            expireOne(tenant, candidate.id(), cutoff, retentionDays).ifPresent(expired::add);
        }
        return expired;
    }

    private Optional<Expired> expireOne(TenantId tenant, DocumentId id, Instant cutoff, int retentionDays) {
        Optional<Document> deleted = transactions.execute(tx -> documents.lock(tenant, id)
                .flatMap(locked -> documents.due(tenant, id, cutoff).map(due -> {
                    locked.delete();
                    documents.delete(locked);
                    Document.Original original = locked.original();
                    events.publishEvent(new DocumentExpired(tenant, "system", id, original.filename(),
                            original.sizeBytes(), original.sha256(), original.uploadedAt(), due.lastUsedAt(),
                            retentionDays));
                    return locked;
                })));
        deleted.ifPresent(document -> {
            try {
                storage.delete(document.stored().key());
            } catch (IOException | RuntimeException e) {
                log.warn("Could not delete stored object {} of expired document {}; it is orphaned and holds only "
                        + "ciphertext", document.stored().key(), id, e);
            }
        });
        return deleted.map(document -> new Expired(id, document.original().sizeBytes()));
    }

    /** What a retention run would delete now. */
    public record Due(long documents, long bytes) {
    }

    /** A document deleted under the retention policy. */
    public record Expired(DocumentId id, long sizeBytes) {
    }
}
