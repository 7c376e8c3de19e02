package com.qteria.document.persistence;

import com.qteria.document.Document;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentStatus;
import com.qteria.document.PageLayout;
import com.qteria.document.Signature;
import com.qteria.document.storage.StoredObject;
import com.qteria.document.storage.WrappedKey;
import com.qteria.shared.Paging;
import com.qteria.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents, their pages, signatures and holds. Every query a user can trigger takes the tenant; the extraction
 * job works by id because it runs on behalf of the document it was given. The end of reading is stored by a
 * statement guarded by {@code processing} and a re-wrapped key by one guarded by the key it replaces, so concurrent
 * workers never overwrite each other; how warnings and wrapped keys are written as text is known to this class only.
 */
@Repository
public class Documents {

    private static final String SELECT = """
            select d.*, (select count(*) from document_pages p where p.document_id = d.id and p.ocr) as ocr_pages,
                exists (select 1 from document_holds h where h.document_id = d.id) as held
            from documents d""";

    /** Which documents are due under a retention policy: see {@link #due}. */
    private static final String DUE = """
            from documents d where d.organization_id = :tenant and d.status <> 'processing'
              and coalesce(d.last_used_at, d.uploaded_at) < :cutoff
              and not exists (select 1 from document_holds h where h.document_id = d.id)""";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Document document) {
        Document.Original original = document.original();
        jdbc.sql("""
                insert into documents (id, organization_id, filename, media_type, size_bytes, sha256, pages, status,
                    error, warnings, storage_key, key_id, wrapped_key, uploaded_by, uploaded_at, extracted_at)
                values (:id, :tenant, :filename, :mediaType, :size, :sha256, :pages, :status, :error, :warnings,
                    :storageKey, :keyId, :wrappedKey, :uploadedBy, :uploadedAt, :readAt)""")
                .param("id", document.id().value()).param("tenant", document.tenant().value())
                .param("filename", original.filename()).param("mediaType", original.mediaType())
                .param("size", original.sizeBytes()).param("sha256", original.sha256())
                .params(reading(document)).param("storageKey", document.stored().key())
                .param("keyId", document.stored().dataKey().keyId())
                .param("wrappedKey", wrapped(document.stored().dataKey()))
                .param("uploadedBy", original.uploadedBy()).param("uploadedAt", time(original.uploadedAt()))
                .update();
    }

    public Optional<Document> find(TenantId tenant, DocumentId id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.organization_id = :tenant")
                .param("id", id.value()).param("tenant", tenant.value()).query(Documents::document).optional();
    }

    /** For the extraction job and key rotation, which act on a document they were handed, not on a user's request. */
    public Optional<Document> findForProcessing(DocumentId id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id.value()).query(Documents::document).optional();
    }

    public List<Document> findAll(TenantId tenant, Collection<DocumentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where d.organization_id = :tenant and d.id in (:ids)")
                .param("tenant", tenant.value()).param("ids", ids.stream().map(DocumentId::value).toList())
                .query(Documents::document).list();
    }

    public List<Document> list(TenantId tenant, String q, Paging paging) {
        return jdbc.sql(SELECT + " where d.organization_id = :tenant and lower(d.filename) like :q escape '!'"
                        + " order by d.uploaded_at desc, d.id desc limit :limit offset :offset")
                .param("tenant", tenant.value()).param("q", like(q))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(Documents::document).list();
    }

    public long count(TenantId tenant, String q) {
        return jdbc.sql("select count(*) from documents d where d.organization_id = :tenant"
                        + " and lower(d.filename) like :q escape '!'")
                .param("tenant", tenant.value()).param("q", like(q))
                .query(Long.class).single();
    }

    public void deletePages(UUID id) {
        jdbc.sql("delete from document_signatures where document_id = :id").param("id", id).update();
        jdbc.sql("delete from document_pages where document_id = :id").param("id", id).update();
    }

    public void insertPage(UUID id, DocumentPage page, String words) {
        jdbc.sql("""
                insert into document_pages (document_id, number, text, ocr, needs_ocr, words)
                values (:id, :number, :text, :ocr, :needsOcr, :words)""")
                .param("id", id).param("number", page.number()).param("text", page.text()).param("ocr", page.ocr())
                .param("needsOcr", page.needsOcr()).param("words", words)
                .update();
    }

    public void insertSignature(UUID id, int position, Signature signature) {
        jdbc.sql("""
                insert into document_signatures (document_id, position, signer, signed_at, covers_whole_document, valid, problem,
                    page)
                values (:id, :position, :signer, :signedAt, :whole, :valid, :problem, :page)""")
                .param("id", id).param("position", position).param("signer", truncate(signature.signer(), 500))
                .param("signedAt", signature.signedAt() == null ? null : time(signature.signedAt()))
                .param("whole", signature.coversWholeDocument()).param("valid", signature.valid())
                .param("problem", truncate(signature.problem(), 1000)).param("page", signature.page())
                .update();
    }

    /**
     * Stores the end of reading (the document {@linkplain Document#read read} or {@linkplain Document#reject
     * rejected}); only a document still {@code processing} changes, so a duplicate run is harmless.
     */
    public boolean finish(Document finished) {
        return jdbc.sql("""
                update documents set status = :status, pages = :pages, error = :error, warnings = :warnings,
                    extracted_at = :readAt
                where id = :id and status = 'processing'""")
                .params(reading(finished)).param("id", finished.id().value())
                .update() == 1;
    }

    public List<DocumentPage> pages(UUID id, int fromNumber, int count) {
        return jdbc.sql("""
                select number, text, ocr, needs_ocr from document_pages
                where document_id = :id and number >= :from order by number limit :count""")
                .param("id", id).param("from", fromNumber).param("count", count)
                .query((rs, n) -> page(rs)).list();
    }

    /** Page {@code number} with its stored word boxes (decoded by {@link WordBoxes}), if the document has it. */
    public Optional<PageLayout> layout(UUID id, int number) {
        return jdbc.sql("""
                select number, text, ocr, needs_ocr, words from document_pages
                where document_id = :id and number = :number""")
                .param("id", id).param("number", number)
                .query((rs, n) -> new PageLayout(page(rs), WordBoxes.decode(rs.getString("words")))).optional();
    }

    public List<Signature> signatures(UUID id) {
        return jdbc.sql("""
                select signer, signed_at, covers_whole_document, valid, problem, page from document_signatures
                where document_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new Signature(rs.getString("signer"), instant(rs, "signed_at"),
                        rs.getBoolean("covers_whole_document"), rs.getBoolean("valid"), rs.getString("problem"),
                        rs.getObject("page", Integer.class)))
                .list();
    }

    /** Records that {@code holder} uses the {@linkplain Document#hold held} document; once per holder. */
    public void hold(Document held, UUID holder, Instant now) {
        jdbc.sql("""
                insert into document_holds (document_id, holder_id, created_at)
                select :id, :holder, :now where not exists
                    (select 1 from document_holds where document_id = :id and holder_id = :holder)""")
                .param("id", held.id().value()).param("holder", holder).param("now", time(now)).update();
        jdbc.sql("update documents set last_used_at = :now where id = :id").param("id", held.id().value())
                .param("now", time(now)).update();
    }

    public void release(UUID holder) {
        jdbc.sql("delete from document_holds where holder_id = :holder").param("holder", holder).update();
    }

    /**
     * Locks the document for the rest of the transaction (delete versus a concurrent hold), so whether it is held
     * stays true until the transaction ends.
     */
    public Optional<Document> lock(TenantId tenant, DocumentId id) {
        return jdbc.sql("select id from documents where id = :id and organization_id = :tenant for update")
                .param("id", id.value()).param("tenant", tenant.value()).query(UUID.class).optional()
                .flatMap(locked -> find(tenant, new DocumentId(locked)));
    }

    /** Removes a document {@linkplain Document#delete cleared for deletion}, with its pages and signatures. */
    public void delete(Document deleted) {
        deletePages(deleted.id().value());
        jdbc.sql("delete from documents where id = :id").param("id", deleted.id().value()).update();
    }

    /**
     * The organization's documents last used (or, never used, uploaded) before {@code cutoff}, oldest first: neither
     * held by an unfinished assessment nor still being read.
     */
    public List<DueDocument> due(TenantId tenant, Instant cutoff, int limit) {
        return jdbc.sql("select d.id, d.last_used_at " + DUE
                        + " order by coalesce(d.last_used_at, d.uploaded_at), d.id limit :limit")
                .param("tenant", tenant.value()).param("cutoff", time(cutoff)).param("limit", limit)
                .query(Documents::due).list();
    }

    /** The document if it is still {@link #due}; asked again under its lock, right before it is deleted. */
    public Optional<DueDocument> due(TenantId tenant, DocumentId id, Instant cutoff) {
        return jdbc.sql("select d.id, d.last_used_at " + DUE + " and d.id = :id")
                .param("tenant", tenant.value()).param("cutoff", time(cutoff)).param("id", id.value())
                .query(Documents::due).optional();
    }

    /** A document due under a retention policy; {@code lastUsedAt} null when no assessment took it. */
    public record DueDocument(DocumentId id, Instant lastUsedAt) {
    }

    private static DueDocument due(ResultSet rs, int n) throws SQLException {
        return new DueDocument(new DocumentId(rs.getObject("id", UUID.class)), instant(rs, "last_used_at"));
    }

    /** How many documents {@link #due} would give, and their bytes. */
    public Due countDue(TenantId tenant, Instant cutoff) {
        return jdbc.sql("select count(*) as documents, coalesce(sum(d.size_bytes), 0) as bytes " + DUE)
                .param("tenant", tenant.value()).param("cutoff", time(cutoff))
                .query((rs, n) -> new Due(rs.getLong("documents"), rs.getLong("bytes"))).single();
    }

    public record Due(long documents, long bytes) {
    }

    /** Documents whose data key is wrapped by another master key than the given one, after a cursor, for rotation. */
    public List<Document> wrappedByOtherThan(String keyId, UUID after, int limit) {
        return jdbc.sql(SELECT + " where d.key_id <> :keyId and d.id > :after order by d.id limit :limit")
                .param("keyId", keyId).param("after", after).param("limit", limit).query(Documents::document).list();
    }

    /**
     * Stores the {@linkplain Document#rewrap re-wrapped} data key; only while the document is still wrapped by
     * {@code previousKeyId}, so two rotations running at once cannot overwrite each other. False when it no longer
     * was (another rotation got there first, or the document is gone).
     */
    public boolean rewrap(Document rewrapped, String previousKeyId) {
        WrappedKey dataKey = rewrapped.stored().dataKey();
        return jdbc.sql("update documents set key_id = :keyId, wrapped_key = :wrapped where id = :id and key_id = :old")
                .param("keyId", dataKey.keyId()).param("wrapped", wrapped(dataKey))
                .param("id", rewrapped.id().value()).param("old", previousKeyId).update() == 1;
    }

    /**
     * {@link #rewrap(Document, String) Re-wraps} a batch in one short transaction: one commit instead of one per
     * document (a commit waits for the database's log flush, which dominated key rotation). Returns how many rows
     * were updated; a row another rotation changed meanwhile is left alone.
     *
     * @param previousKeyIds the key id each document was read with, in the same order
     */
    @Transactional
    public int rewrap(List<Document> rewrapped, List<String> previousKeyIds) {
        int updated = 0;
        for (int i = 0; i < rewrapped.size(); i++) {
            updated += rewrap(rewrapped.get(i), previousKeyIds.get(i)) ? 1 : 0;
        }
        return updated;
    }

    /** How many documents each master key wraps, by key id. */
    public Map<String, Long> countByKeyId() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select key_id, count(*) as n from documents group by key_id")
                .query((RowCallbackHandler) rs -> counts.put(rs.getString("key_id"), rs.getLong("n")));
        return counts;
    }

    private static Map<String, Object> reading(Document document) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", document.status().value());
        params.put("pages", document.pages());
        params.put("error", truncate(document.error(), 1000));
        params.put("warnings", document.warnings().isEmpty() ? null : String.join("\n", document.warnings()));
        params.put("readAt", time(document.readAt()));
        return params;
    }

    private static Document document(ResultSet rs, int n) throws SQLException {
        String warnings = rs.getString("warnings");
        Document.Original original = new Document.Original(new TenantId(rs.getObject("organization_id", UUID.class)),
                rs.getString("filename"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getObject("uploaded_by", UUID.class), instant(rs, "uploaded_at"));
        StoredObject stored = new StoredObject(rs.getString("storage_key"), new WrappedKey(rs.getString("key_id"),
                Base64.getDecoder().decode(rs.getString("wrapped_key"))));
        return Document.restore(new DocumentId(rs.getObject("id", UUID.class)), original, stored,
                DocumentStatus.of(rs.getString("status")), rs.getObject("pages", Integer.class), rs.getString("error"),
                warnings == null ? List.of() : Arrays.asList(warnings.split("\n")), instant(rs, "extracted_at"),
                rs.getInt("ocr_pages"), rs.getBoolean("held"));
    }

    private static DocumentPage page(ResultSet rs) throws SQLException {
        return new DocumentPage(rs.getInt("number"), rs.getString("text"), rs.getBoolean("ocr"),
                rs.getBoolean("needs_ocr"));
    }

    private static String wrapped(WrappedKey dataKey) {
        return Base64.getEncoder().encodeToString(dataKey.wrapped());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String like(String q) {
        String escaped = (q == null ? "" : q.trim().toLowerCase(java.util.Locale.ROOT))
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
