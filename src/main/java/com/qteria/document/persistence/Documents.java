package com.qteria.document.persistence;

import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentStatus;
import com.qteria.document.Signature;
import com.qteria.shared.Paging;
import com.qteria.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Documents, their pages, signatures and holds. Every query a user can trigger takes the tenant; the extraction
 * job works by id because it runs on behalf of the row it was given.
 */
@Repository
public class Documents {

    private static final String SELECT = """
            select d.*, (select count(*) from document_pages p where p.document_id = d.id and p.ocr) as ocr_pages
            from documents d""";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DocumentRow row) {
        jdbc.sql("""
                insert into documents (id, organization_id, filename, media_type, size_bytes, sha256, status,
                    storage_key, key_id, wrapped_key, uploaded_by, uploaded_at)
                values (:id, :tenant, :filename, :mediaType, :size, :sha256, :status, :storageKey, :keyId, :wrappedKey,
                    :uploadedBy, :uploadedAt)""")
                .param("id", row.id()).param("tenant", row.organizationId()).param("filename", row.filename())
                .param("mediaType", row.mediaType()).param("size", row.sizeBytes()).param("sha256", row.sha256())
                .param("status", row.status().value()).param("storageKey", row.storageKey())
                .param("keyId", row.keyId()).param("wrappedKey", row.wrappedKey())
                .param("uploadedBy", row.uploadedBy()).param("uploadedAt", time(row.uploadedAt()))
                .update();
    }

    public Optional<DocumentRow> find(TenantId tenant, UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.organization_id = :tenant")
                .param("id", id).param("tenant", tenant.value()).query(Documents::row).optional();
    }

    /** For the extraction job and key rotation, which act on a row they were handed, not on a user's request. */
    public Optional<DocumentRow> findForProcessing(UUID id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(Documents::row).optional();
    }

    public List<DocumentRow> findAll(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where d.organization_id = :tenant and d.id in (:ids)")
                .param("tenant", tenant.value()).param("ids", ids).query(Documents::row).list();
    }

    public List<DocumentRow> list(TenantId tenant, String q, Paging paging) {
        return jdbc.sql(SELECT + " where d.organization_id = :tenant and lower(d.filename) like :q escape '!'"
                        + " order by d.uploaded_at desc, d.id desc limit :limit offset :offset")
                .param("tenant", tenant.value()).param("q", like(q))
                .param("limit", paging.size()).param("offset", paging.offset())
                .query(Documents::row).list();
    }

    public long count(TenantId tenant, String q) {
        return jdbc.sql("select count(*) from documents d where d.organization_id = :tenant"
                        + " and lower(d.filename) like :q escape '!'")
                .param("tenant", tenant.value()).param("q", like(q))
                .query(Long.class).single();
    }

    /** Documents still waiting to be read, oldest first: what a restarted worker has to pick up. */
    public List<UUID> processing(Instant uploadedBefore) {
        return jdbc.sql("select id from documents where status = 'processing' and uploaded_at < :before order by uploaded_at")
                .param("before", time(uploadedBefore)).query(UUID.class).list();
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
                insert into document_signatures (document_id, position, signer, signed_at, covers_whole_document, valid, problem)
                values (:id, :position, :signer, :signedAt, :whole, :valid, :problem)""")
                .param("id", id).param("position", position).param("signer", truncate(signature.signer(), 500))
                .param("signedAt", signature.signedAt() == null ? null : time(signature.signedAt()))
                .param("whole", signature.coversWholeDocument()).param("valid", signature.valid())
                .param("problem", truncate(signature.problem(), 1000))
                .update();
    }

    /** Records the end of reading; only a row still {@code processing} changes, so a duplicate run is harmless. */
    public boolean finish(UUID id, DocumentStatus status, Integer pages, String error, List<String> warnings,
            Instant now) {
        return jdbc.sql("""
                update documents set status = :status, pages = :pages, error = :error, warnings = :warnings,
                    extracted_at = :now
                where id = :id and status = 'processing'""")
                .param("status", status.value()).param("pages", pages).param("error", truncate(error, 1000))
                .param("warnings", warnings.isEmpty() ? null : String.join("\n", warnings))
                .param("now", time(now)).param("id", id)
                .update() == 1;
    }

    public List<DocumentPage> pages(UUID id, int fromNumber, int count) {
        return jdbc.sql("""
                select number, text, ocr, needs_ocr from document_pages
                where document_id = :id and number >= :from order by number limit :count""")
                .param("id", id).param("from", fromNumber).param("count", count)
                .query((rs, n) -> new DocumentPage(rs.getInt("number"), rs.getString("text"), rs.getBoolean("ocr"),
                        rs.getBoolean("needs_ocr")))
                .list();
    }

    public List<Signature> signatures(UUID id) {
        return jdbc.sql("""
                select signer, signed_at, covers_whole_document, valid, problem from document_signatures
                where document_id = :id order by position""")
                .param("id", id)
                .query((rs, n) -> new Signature(rs.getString("signer"), instant(rs, "signed_at"),
                        rs.getBoolean("covers_whole_document"), rs.getBoolean("valid"), rs.getString("problem")))
                .list();
    }

    public void hold(UUID id, UUID holder, Instant now) {
        jdbc.sql("""
                insert into document_holds (document_id, holder_id, created_at)
                select :id, :holder, :now where not exists
                    (select 1 from document_holds where document_id = :id and holder_id = :holder)""")
                .param("id", id).param("holder", holder).param("now", time(now)).update();
    }

    public void release(UUID holder) {
        jdbc.sql("delete from document_holds where holder_id = :holder").param("holder", holder).update();
    }

    public boolean held(UUID id) {
        return jdbc.sql("select count(*) from document_holds where document_id = :id")
                .param("id", id).query(Long.class).single() > 0;
    }

    /** Locks the row for the rest of the transaction (delete versus a concurrent hold). */
    public Optional<DocumentRow> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select id from documents where id = :id and organization_id = :tenant for update")
                .param("id", id).param("tenant", tenant.value()).query(UUID.class).optional()
                .flatMap(locked -> find(tenant, locked));
    }

    public void delete(UUID id) {
        deletePages(id);
        jdbc.sql("delete from documents where id = :id").param("id", id).update();
    }

    /** Rows whose data key is wrapped by another master key than the given one, after a cursor, for rotation. */
    public List<DocumentRow> wrappedByOtherThan(String keyId, UUID after, int limit) {
        return jdbc.sql(SELECT + " where d.key_id <> :keyId and d.id > :after order by d.id limit :limit")
                .param("keyId", keyId).param("after", after).param("limit", limit).query(Documents::row).list();
    }

    public void rewrap(UUID id, String oldKeyId, String keyId, String wrappedKey) {
        jdbc.sql("update documents set key_id = :keyId, wrapped_key = :wrapped where id = :id and key_id = :old")
                .param("keyId", keyId).param("wrapped", wrappedKey).param("id", id).param("old", oldKeyId).update();
    }

    private static DocumentRow row(ResultSet rs, int n) throws SQLException {
        String warnings = rs.getString("warnings");
        return new DocumentRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("filename"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                (Integer) rs.getObject("pages", Integer.class), DocumentStatus.of(rs.getString("status")),
                rs.getString("error"), warnings == null ? List.of() : Arrays.asList(warnings.split("\n")),
                rs.getString("storage_key"), rs.getString("key_id"), rs.getString("wrapped_key"),
                rs.getObject("uploaded_by", UUID.class), instant(rs, "uploaded_at"), rs.getInt("ocr_pages"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
