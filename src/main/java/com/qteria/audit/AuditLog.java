package com.qteria.audit;

import com.qteria.audit.anchor.AuditKey;
import com.qteria.audit.anchor.Checkpoint;
import com.qteria.audit.anchor.Checkpoints;
import com.qteria.shared.AuditableEvent;
import com.qteria.shared.Ids;
import com.qteria.shared.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every {@link AuditableEvent} to its organization's chain, within the publisher's transaction when there
 * is one (a change that rolls back leaves no entry). Appends to one chain are serialised by locking its head row.
 * <p>
 * Each entry's hash covers the previous one's; each entry is also sealed with the audit key, which the database does
 * not hold ({@link AuditKey}), and the chain's head is checkpointed, sealed, outside the database
 * ({@link Checkpoints}). So {@link #verify} detects an edit, a deletion, and a rewrite by someone who recomputed
 * every hash with database superuser rights.
 */
@Service
public class AuditLog {

    static final String PLATFORM_CHAIN = "platform";
    private static final int VERIFY_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditKey key;
    private final Checkpoints checkpoints;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, AuditKey key, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    @EventListener
    @Transactional
    public void on(AuditableEvent event) {
        String chain = chainOf(event.tenantId());
        jdbc.sql("insert into audit_chain_heads (chain, seq, hash) values (:chain, 0, :hash) on conflict do nothing")
                .param("chain", chain).param("hash", AuditEntry.GENESIS).update();
        Head head = jdbc.sql("select seq, hash from audit_chain_heads where chain = :chain for update")
                .param("chain", chain)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .single();
        AuditEntry draft = new AuditEntry(Ids.next(), chain, head.seq() + 1,
                event.tenantId() == null ? null : event.tenantId().value(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), truncate(event.actor(), 320), event.action(),
                event.resourceType(), event.resourceId(), clientAddress(), json.writeValueAsString(details(event)),
                head.hash(), null);
        AuditEntry entry = new AuditEntry(draft.id(), draft.chain(), draft.seq(), draft.organizationId(), draft.at(),
                draft.actor(), draft.action(), draft.resourceType(), draft.resourceId(), draft.ip(), draft.details(),
                draft.prevHash(), draft.computeHash());
        jdbc.sql("""
                insert into audit_events (id, chain, seq, organization_id, at, actor, action, resource_type,
                    resource_id, ip, details, prev_hash, hash, seal)
                values (:id, :chain, :seq, :org, :at, :actor, :action, :type, :resource, :ip, :details, :prev, :hash,
                    :seal)""")
                .param("id", entry.id()).param("chain", chain).param("seq", entry.seq())
                .param("org", entry.organizationId()).param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                .param("actor", entry.actor()).param("action", entry.action()).param("type", entry.resourceType())
                .param("resource", entry.resourceId()).param("ip", entry.ip()).param("details", entry.details())
                .param("prev", entry.prevHash()).param("hash", entry.hash()).param("seal", seal(entry.hash()))
                .update();
        jdbc.sql("update audit_chain_heads set seq = :seq, hash = :hash where chain = :chain")
                .param("seq", entry.seq()).param("hash", entry.hash()).param("chain", chain).update();
    }

    /** Newest first. */
    public List<AuditEntry> find(TenantId tenant, AuditQuery query, int limit, long offset) {
        Filter filter = filter(tenant, query);
        return jdbc.sql("select * from audit_events where " + filter.where() + " order by seq desc limit :limit offset :offset")
                .params(filter.params()).param("limit", limit).param("offset", offset)
                .query(AuditLog::entry).list();
    }

    public long count(TenantId tenant, AuditQuery query) {
        Filter filter = filter(tenant, query);
        return jdbc.sql("select count(*) from audit_events where " + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    /** Every matching entry, oldest first, a batch at a time (for the CSV export). */
    public void forEach(TenantId tenant, AuditQuery query, Consumer<List<AuditEntry>> batches) {
        Filter filter = filter(tenant, query);
        long after = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("select * from audit_events where " + filter.where()
                            + " and seq > :after order by seq limit " + VERIFY_BATCH)
                    .params(filter.params()).param("after", after).query(AuditLog::entry).list();
            if (!batch.isEmpty()) {
                batches.accept(batch);
            }
            if (batch.size() < VERIFY_BATCH) {
                return;
            }
            after = batch.getLast().seq();
        }
    }

    /** The actions that occur in the organization's chain, for choosing among them. */
    public List<String> actions(TenantId tenant) {
        return jdbc.sql("select distinct action from audit_events where chain = :chain").param("chain", chainOf(tenant))
                .query(String.class).list();
    }

    /** The resource types that occur in the organization's chain, for choosing among them. */
    public List<String> resourceTypes(TenantId tenant) {
        return jdbc.sql("select distinct resource_type from audit_events where chain = :chain and resource_type is not null")
                .param("chain", chainOf(tenant)).query(String.class).list();
    }

    /** How many entries the organization's chain has: what {@link #verify} walks. */
    public long size(TenantId tenant) {
        return jdbc.sql("select seq from audit_chain_heads where chain = :chain").param("chain", chainOf(tenant))
                .query(Long.class).optional().orElse(0L);
    }

    /** When the organization's chain was last checkpointed outside the database, if ever. */
    public Optional<Instant> lastCheckpoint(TenantId tenant) {
        return checkpoints.latest(chainOf(tenant)).map(Checkpoint::at);
    }

    /**
     * Walks the organization's chain from the start and names the first entry that does not hold: a broken link, a
     * changed content, a missing or wrong seal, or a difference from the checkpoint kept outside the database.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify(TenantId tenant) {
        String chain = chainOf(tenant);
        Optional<Checkpoint> checkpoint = checkpoints.latest(chain);
        if (checkpoint.isPresent() && !checkpoint.get().holds(key)) {
            return AuditVerification.invalid(0, null, checkpoint.get().seq(), "the checkpoint kept outside the "
                    + "database does not carry a valid seal: it was altered, or the audit key changed");
        }
        long sealedFrom = checkpoint.map(Checkpoint::sealedFrom).orElse(1L);
        String expectedPrev = AuditEntry.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<Sealed> batch = jdbc.sql("select * from audit_events where chain = :chain and seq >= :from order by seq limit "
                            + VERIFY_BATCH)
                    .param("chain", chain).param("from", expectedSeq).query(AuditLog::sealed).list();
            for (Sealed sealed : batch) {
                AuditEntry entry = sealed.entry();
                checked++;
                Optional<String> fault = fault(entry, sealed.seal(), expectedSeq, expectedPrev, sealedFrom,
                        checkpoint.orElse(null));
                if (fault.isPresent()) {
                    return AuditVerification.invalid(checked, entry.id(), entry.seq(), fault.get());
                }
                expectedPrev = entry.hash();
                expectedSeq++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        long last = expectedSeq - 1;
        if (checkpoint.isPresent() && checkpoint.get().seq() > last) {
            return AuditVerification.invalid(checked, null, expectedSeq, "the chain ends at entry " + last
                    + " but the checkpoint of " + checkpoint.get().at() + " recorded entry " + checkpoint.get().seq()
                    + ": the last entries were removed");
        }
        Head head = jdbc.sql("select seq, hash from audit_chain_heads where chain = :chain").param("chain", chain)
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"))).optional()
                .orElse(new Head(0, AuditEntry.GENESIS));
        if (head.seq() != last || !head.hash().equals(expectedPrev)) {
            return AuditVerification.invalid(checked, null, expectedSeq,
                    "the chain ends at entry " + last + " but entry " + head.seq()
                            + " was written: the last entries were removed");
        }
        return AuditVerification.valid(checked);
    }

    private Optional<String> fault(AuditEntry entry, String seal, long expectedSeq, String expectedPrev,
            long sealedFrom, Checkpoint checkpoint) {
        if (entry.seq() != expectedSeq) {
            return Optional.of("entries " + expectedSeq + " to " + (entry.seq() - 1) + " before this one are missing");
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return Optional.of("its link to the previous entry is broken: the previous entry was altered or removed");
        }
        if (!entry.computeHash().equals(entry.hash())) {
            return Optional.of("its content was changed after it was written");
        }
        if (entry.seq() >= sealedFrom && !key.holds(sealText(entry.hash()), seal)) {
            return Optional.of("its seal does not match: it was written or rewritten outside Qteria");
        }
        if (checkpoint != null && entry.seq() == checkpoint.seq() && !entry.hash().equals(checkpoint.hash())) {
            return Optional.of("it differs from the checkpoint of " + checkpoint.at()
                    + " kept outside the database: the chain was rewritten up to here");
        }
        return Optional.empty();
    }

    private String seal(String hash) {
        return key.seal(sealText(hash));
    }

    private static String sealText(String hash) {
        return "qteria-audit-entry\n" + hash;
    }

    private static String chainOf(TenantId tenant) {
        return tenant == null ? PLATFORM_CHAIN : tenant.toString();
    }

    private Map<String, Object> details(AuditableEvent event) {
        return event.details() == null ? Map.of() : new LinkedHashMap<>(event.details());
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return "unknown";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("id", java.util.UUID.class), rs.getString("chain"), rs.getLong("seq"),
                rs.getObject("organization_id", java.util.UUID.class),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("ip"),
                rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Filter filter(TenantId tenant, AuditQuery query) {
        StringBuilder where = new StringBuilder("chain = :chain");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("chain", chainOf(tenant));
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.put("actor", query.actor().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.action() != null) {
            where.append(" and action = :action");
            params.put("action", query.action());
        }
        if (query.resourceType() != null) {
            where.append(" and resource_type = :type");
            params.put("type", query.resourceType());
        }
        if (query.from() != null) {
            where.append(" and at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and at < :to");
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        return new Filter(where.toString(), params);
    }

    private static Sealed sealed(ResultSet rs, int row) throws SQLException {
        return new Sealed(entry(rs, row), rs.getString("seal"));
    }

    private record Sealed(AuditEntry entry, String seal) {
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private record Head(long seq, String hash) {
    }

}
