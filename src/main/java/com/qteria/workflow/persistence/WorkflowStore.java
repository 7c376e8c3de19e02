package com.qteria.workflow.persistence;

import com.qteria.shared.TenantId;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Workflows and their versions; every query takes the tenant. Versions are only ever inserted. */
@Repository
public class WorkflowStore {

    private static final String SELECT = """
            select v.workflow_id, v.version, v.name, v.description, v.definition, w.archived, w.created_at,
                   v.created_at as version_created_at, v.created_by, w.current_version
            from workflow_versions v join workflows w on w.id = v.workflow_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** The JSON stored per version. */
    private record StoredDefinition(List<Bucket> buckets, List<Criterion> criteria) {
    }

    WorkflowStore(JdbcClient jdbc, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
    }

    public void insertWorkflow(TenantId tenant, UUID id, String name, Instant now) {
        jdbc.sql("""
                insert into workflows (id, organization_id, name, current_version, archived, created_at, updated_at)
                values (:id, :tenant, :name, 0, false, :now, :now)""")
                .param("id", id).param("tenant", tenant.value()).param("name", name).param("now", time(now))
                .update();
    }

    /** Locks the workflow row for the rest of the transaction and tells its current version. */
    public Optional<Head> lock(TenantId tenant, UUID id) {
        return jdbc.sql("select current_version, archived from workflows where id = :id and organization_id = :tenant for update")
                .param("id", id).param("tenant", tenant.value())
                .query((rs, n) -> new Head(rs.getInt("current_version"), rs.getBoolean("archived")))
                .optional();
    }

    public void insertVersion(TenantId tenant, UUID id, int version, String name, String description,
            List<Bucket> buckets, List<Criterion> criteria, UUID createdBy, Instant now) {
        String definition = json.writeValueAsString(new StoredDefinition(buckets, criteria));
        jdbc.sql("""
                insert into workflow_versions (workflow_id, version, organization_id, name, description, definition,
                    created_at, created_by)
                values (:id, :version, :tenant, :name, :description, :definition, :now, :by)""")
                .param("id", id).param("version", version).param("tenant", tenant.value()).param("name", name)
                .param("description", description).param("definition", definition).param("now", time(now))
                .param("by", createdBy)
                .update();
        jdbc.sql("""
                update workflows set current_version = :version, name = :name, updated_at = :now
                where id = :id and organization_id = :tenant""")
                .param("version", version).param("name", name).param("now", time(now))
                .param("id", id).param("tenant", tenant.value())
                .update();
    }

    public boolean archive(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("update workflows set archived = true, updated_at = :now where id = :id and organization_id = :tenant and archived = false")
                .param("now", time(now)).param("id", id).param("tenant", tenant.value()).update() == 1;
    }

    public Optional<StoredVersion> current(TenantId tenant, UUID id) {
        return jdbc.sql(SELECT + " where v.workflow_id = :id and v.organization_id = :tenant and v.version = w.current_version")
                .param("id", id).param("tenant", tenant.value()).query(this::stored).optional();
    }

    public Optional<StoredVersion> version(TenantId tenant, UUID id, int version) {
        return jdbc.sql(SELECT + " where v.workflow_id = :id and v.organization_id = :tenant and v.version = :version")
                .param("id", id).param("tenant", tenant.value()).param("version", version)
                .query(this::stored).optional();
    }

    /** Every version of one workflow, newest first. */
    public List<StoredVersion> versions(TenantId tenant, UUID id) {
        return jdbc.sql(SELECT + " where v.workflow_id = :id and v.organization_id = :tenant order by v.version desc")
                .param("id", id).param("tenant", tenant.value()).query(this::stored).list();
    }

    /** The current names of the organization's workflows among {@code ids}, in one query. */
    public Map<UUID, String> names(TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from workflows where organization_id = :tenant and id in (:ids)")
                .param("tenant", tenant.value()).param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Current versions whose name contains {@code q} (any case), by name. */
    public List<StoredVersion> search(TenantId tenant, String q, boolean archived, int limit, long offset) {
        return jdbc.sql(SELECT + " where w.organization_id = :tenant and v.version = w.current_version"
                        + " and w.archived = :archived and lower(w.name) like :q escape '!' order by lower(w.name), w.id"
                        + " limit :limit offset :offset")
                .param("tenant", tenant.value()).param("archived", archived).param("q", like(q))
                .param("limit", limit).param("offset", offset)
                .query(this::stored).list();
    }

    public long count(TenantId tenant, String q, boolean archived) {
        return jdbc.sql("select count(*) from workflows w where w.organization_id = :tenant and w.archived = :archived"
                        + " and lower(w.name) like :q escape '!'")
                .param("tenant", tenant.value()).param("archived", archived).param("q", like(q))
                .query(Long.class).single();
    }

    private static String like(String q) {
        String escaped = (q == null ? "" : q.trim().toLowerCase(java.util.Locale.ROOT))
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private StoredVersion stored(ResultSet rs, int row) throws SQLException {
        StoredDefinition definition = json.readValue(rs.getString("definition"), StoredDefinition.class);
        return new StoredVersion(rs.getObject("workflow_id", UUID.class), rs.getInt("version"), rs.getString("name"),
                rs.getString("description"), definition.buckets(), definition.criteria(), rs.getBoolean("archived"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("version_created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_by", UUID.class), rs.getInt("current_version"));
    }

    public record Head(int version, boolean archived) {
    }
}
