package com.qteria.document.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reading slots of each organization: a document's reading job is queued only while the document holds one, and
 * the slot is held until the job ends. A slot is taken by one insert whose primary key (organization, slot number)
 * and unique document make the database, not an instance's memory, refuse a second holder; so any number of
 * instances share the limit exactly and a crash leaves nothing half-taken.
 */
@Repository
public class ReadingSlots {

    private final JdbcClient jdbc;

    ReadingSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A document waiting for a slot, and its organization. */
    public record Waiting(UUID document, UUID organization) {
    }

    /** The slot numbers each organization holds now. */
    public Map<UUID, Set<Integer>> taken() {
        Map<UUID, Set<Integer>> taken = new HashMap<>();
        jdbc.sql("select organization_id, slot from document_reading_slots").query(rs -> {
            taken.computeIfAbsent(rs.getObject("organization_id", UUID.class), o -> new HashSet<>())
                    .add(rs.getInt("slot"));
        });
        return taken;
    }

    /**
     * Documents being read that hold no slot: each organization's first {@code perOrganization} in upload order, in
     * turns (every organization's next document, then every organization's second…, the oldest first within a turn),
     * at most {@code max}. An organization with thousands waiting cannot push another's document out of the list.
     */
    public List<Waiting> waiting(int perOrganization, int max) {
        return jdbc.sql("""
                select id, organization_id from (
                    select d.id, d.organization_id, d.uploaded_at, row_number() over (
                        partition by d.organization_id order by d.uploaded_at, d.id) as place
                    from documents d
                    where d.status = 'processing'
                        and not exists (select 1 from document_reading_slots s where s.document_id = d.id)
                ) w
                where place <= :perOrganization
                order by place, uploaded_at, id
                limit :max""")
                .param("perOrganization", perOrganization).param("max", max)
                .query((rs, n) -> new Waiting(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class)))
                .list();
    }

    /** Takes the slot for the document; false when another instance took that slot, or a slot for it, first. */
    public boolean take(UUID organization, int slot, UUID document, Instant now) {
        try {
            return jdbc.sql("""
                    insert into document_reading_slots (organization_id, slot, document_id, dispatched_at)
                    values (:organization, :slot, :document, :now)""")
                    .param("organization", organization).param("slot", slot).param("document", document)
                    .param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void release(UUID document) {
        jdbc.sql("delete from document_reading_slots where document_id = :document").param("document", document).update();
    }

    /** Documents holding a slot taken before {@code before}, the oldest first: what the sweep looks after. */
    public List<UUID> takenBefore(Instant before) {
        return jdbc.sql("select document_id from document_reading_slots where dispatched_at < :before order by dispatched_at")
                .param("before", before.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
    }
}
