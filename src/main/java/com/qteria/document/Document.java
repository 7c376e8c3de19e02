package com.qteria.document;

import com.qteria.document.storage.StoredObject;
import com.qteria.document.storage.WrappedKey;
import com.qteria.shared.Ids;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An uploaded document: the file as received, where its encrypted bytes are stored, and what reading it found. Its
 * state changes only through the transitions below; an illegal one (reading a rejected document again, deleting one
 * an assessment holds) throws {@link IllegalTransition}. {@code Documents} stores the end of reading with a statement
 * guarded by {@code processing}, so a repeated reading job can never overwrite the first.
 * <pre>
 * upload ──▶ processing ──read────▶ ready
 *               └─────────reject──▶ rejected
 * </pre>
 * In any status its data key may be re-wrapped under a newer master key, and an unfinished assessment may hold it;
 * a held document cannot be deleted. Other modules see documents only as {@link DocumentView}.
 */
public final class Document {

    /** A transition the document's state does not allow. */
    public static final class IllegalTransition extends IllegalStateException {
        IllegalTransition(String transition, String state) {
            super("A document that is " + state + " cannot " + transition + ".");
        }
    }

    /** The file as it was received, fixed at the upload. */
    public record Original(TenantId tenant, String filename, String mediaType, long sizeBytes, String sha256,
            UUID uploadedBy, Instant uploadedAt) {

        public Original {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(uploadedAt, "uploadedAt");
        }
    }

    private final DocumentId id;
    private final Original original;
    private StoredObject stored;
    private DocumentStatus status;
    private Integer pages;
    private String error;
    private List<String> warnings;
    private Instant readAt;
    private final int ocrPages;
    private boolean held;

    private Document(DocumentId id, Original original, StoredObject stored, DocumentStatus status, Integer pages,
            String error, List<String> warnings, Instant readAt, int ocrPages, boolean held) {
        this.id = Objects.requireNonNull(id, "id");
        this.original = Objects.requireNonNull(original, "original");
        this.stored = Objects.requireNonNull(stored, "stored");
        this.status = Objects.requireNonNull(status, "status");
        this.pages = pages;
        this.error = error;
        this.warnings = List.copyOf(warnings);
        this.readAt = readAt;
        this.ocrPages = ocrPages;
        this.held = held;
    }

    /** A new document, stored encrypted and waiting to be read. */
    static Document upload(Original original, StoredObject stored) {
        return new Document(new DocumentId(Ids.next()), original, stored, DocumentStatus.PROCESSING, null, null,
                List.of(), null, 0, false);
    }

    /** A document as stored; for the repository. */
    public static Document restore(DocumentId id, Original original, StoredObject stored, DocumentStatus status,
            Integer pages, String error, List<String> warnings, Instant readAt, int ocrPages, boolean held) {
        return new Document(id, original, stored, status, pages, error, warnings, readAt, ocrPages, held);
    }

    /** processing → ready: all {@code pages} pages were read, with warnings about what may be missing. */
    public void read(int pages, List<String> warnings, Instant now) {
        requireProcessing("be read");
        this.status = DocumentStatus.READY;
        this.pages = pages;
        this.warnings = List.copyOf(warnings);
        this.readAt = now;
    }

    /** processing → rejected, with a plain sentence for the handler. */
    public void reject(String reason, Instant now) {
        requireProcessing("be rejected");
        this.status = DocumentStatus.REJECTED;
        this.error = Objects.requireNonNull(reason, "reason");
        this.readAt = now;
    }

    /** The same stored bytes, their data key now wrapped under another master key (key rotation). */
    public void rewrap(WrappedKey dataKey) {
        this.stored = new StoredObject(stored.key(), dataKey);
    }

    /** An unfinished assessment uses the document: it is kept until the assessment releases it. */
    void hold() {
        this.held = true;
    }

    /** Refused while an unfinished assessment holds the document. */
    void delete() {
        if (held) {
            throw new IllegalTransition("be deleted", "held by an unfinished assessment");
        }
    }

    private void requireProcessing(String transition) {
        if (status != DocumentStatus.PROCESSING) {
            throw new IllegalTransition(transition, status.value());
        }
    }

    public DocumentId id() {
        return id;
    }

    public TenantId tenant() {
        return original.tenant();
    }

    public Original original() {
        return original;
    }

    /** Where the encrypted bytes are and the data key that opens them. */
    public StoredObject stored() {
        return stored;
    }

    public DocumentStatus status() {
        return status;
    }

    /** The number of pages read; null until the document is ready. */
    public Integer pages() {
        return pages;
    }

    /** Why the document was rejected; null otherwise. */
    public String error() {
        return error;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** When reading ended; null while processing. */
    public Instant readAt() {
        return readAt;
    }

    public int ocrPages() {
        return ocrPages;
    }

    public boolean held() {
        return held;
    }
}
