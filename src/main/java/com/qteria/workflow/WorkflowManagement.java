package com.qteria.workflow;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.IdentityManagement;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.Ids;
import com.qteria.shared.PageResponse;
import com.qteria.shared.Paging;
import com.qteria.shared.TenantId;
import com.qteria.workflow.definition.Definition;
import com.qteria.workflow.definition.WorkflowValidator;
import com.qteria.workflow.persistence.StoredVersion;
import com.qteria.workflow.persistence.WorkflowStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflows of an organization: created, replaced by a new version, archived, read at any version, exported and
 * imported. Every read and write is scoped to the caller's organization; another's workflow is "not found".
 */
@Service
public class WorkflowManagement {

    private final WorkflowStore store;
    private final WorkflowTemplates templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IdentityManagement identity;

    WorkflowManagement(WorkflowStore store, WorkflowTemplates templates,
            ApplicationEventPublisher events, Clock clock, IdentityManagement identity) {
        this.identity = identity;
        this.store = store;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public WorkflowView create(CurrentUser user, WorkflowInput input) {
        WorkflowView created = insert(user, input);
        events.publishEvent(new WorkflowEvent.WorkflowCreated(user.tenantId(), user.email(), created.id(), 1, created.name()));
        return created;
    }

    /** Creates a workflow from exported JSON or YAML (ids in it are ignored: everything gets new ids). */
    @Transactional
    public WorkflowView importWorkflow(CurrentUser user, WorkflowInput input) {
        WorkflowView created = insert(user, input);
        events.publishEvent(new WorkflowEvent.WorkflowImported(user.tenantId(), user.email(), created.id(), 1, created.name()));
        return created;
    }

    @Transactional
    public WorkflowView createFromTemplate(CurrentUser user, String templateKey) {
        return importWorkflow(user, templates.input(templateKey));
    }

    /** Full replace: the result is version n+1; items matched by key keep their ids; version n stays as it was. */
    @Transactional
    public WorkflowView update(CurrentUser user, WorkflowId id, WorkflowInput input) {
        WorkflowStore.Head head = store.lock(user.tenantId(), id.value())
                .orElseThrow(() -> ApiProblem.notFound("Workflow"));
        if (head.archived()) {
            throw ApiProblem.conflict("This workflow is archived. Import its export to continue with a copy.");
        }
        WorkflowView current = view(store.current(user.tenantId(), id.value()).orElseThrow());
        Map<String, UUID> ids = new HashMap<>();
        current.buckets().forEach(b -> ids.put("bucket:" + b.key(), b.id()));
        current.criteria().forEach(c -> ids.put("criterion:" + c.key(), c.id()));
        Definition definition = WorkflowValidator.validate(input, ids);
        int version = head.version() + 1;
        store.insertVersion(user.tenantId(), id.value(), version, definition.name(), definition.description(),
                definition.buckets(), definition.criteria(), user.id(), now());
        events.publishEvent(new WorkflowEvent.WorkflowUpdated(user.tenantId(), user.email(), id, version, definition.name()));
        return get(user.tenantId(), id);
    }

    /** Archives (the API's DELETE): hidden from the default list, still readable with every version. */
    @Transactional
    public void archive(CurrentUser user, WorkflowId id) {
        WorkflowView current = get(user.tenantId(), id);
        if (store.archive(user.tenantId(), id.value(), now())) {
            events.publishEvent(new WorkflowEvent.WorkflowArchived(user.tenantId(), user.email(), id,
                    current.version(), current.name()));
        }
    }

    public WorkflowView get(TenantId tenant, WorkflowId id) {
        return store.current(tenant, id.value()).map(this::view).orElseThrow(() -> ApiProblem.notFound("Workflow"));
    }

    public WorkflowView version(TenantId tenant, WorkflowId id, int version) {
        return store.version(tenant, id.value(), version).map(this::view)
                .orElseThrow(() -> ApiProblem.notFound("Workflow version"));
    }

    public List<VersionSummary> versions(TenantId tenant, WorkflowId id) {
        List<StoredVersion> versions = store.versions(tenant, id.value());
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("Workflow");
        }
        Map<UUID, String> names = identity.userNames(tenant, versions.stream().map(StoredVersion::createdBy)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return versions.stream()
                .map(v -> new VersionSummary(v.version(), v.name(), v.versionCreatedAt(), v.createdBy(),
                        names.get(v.createdBy())))
                .toList();
    }

    public PageResponse<WorkflowView> list(TenantId tenant, String q, boolean archived, Paging paging) {
        List<WorkflowView> items = store.search(tenant, q, archived, paging.size(), paging.offset()).stream()
                .map(this::view).toList();
        return PageResponse.of(items, paging, store.count(tenant, q, archived));
    }

    public WorkflowDiff diff(TenantId tenant, WorkflowId id, int from, int to) {
        return WorkflowDiff.between(version(tenant, id, from), version(tenant, id, to), check -> ((Check) check).describe());
    }

    public List<WorkflowTemplate> templates() {
        return templates.list();
    }

    public WorkflowInput template(String key) {
        return templates.input(key);
    }

    private WorkflowView insert(CurrentUser user, WorkflowInput input) {
        Definition definition = WorkflowValidator.validate(input, Map.of());
        WorkflowId id = new WorkflowId(Ids.next());
        Instant now = now();
        store.insertWorkflow(user.tenantId(), id.value(), definition.name(), now);
        store.insertVersion(user.tenantId(), id.value(), 1, definition.name(), definition.description(),
                definition.buckets(), definition.criteria(), user.id(), now);
        return get(user.tenantId(), id);
    }

    private WorkflowView view(StoredVersion stored) {
        return new WorkflowView(new WorkflowId(stored.workflowId()), stored.version(), stored.name(),
                stored.description(), stored.archived(), stored.workflowCreatedAt(), stored.versionCreatedAt(),
                stored.buckets(), stored.criteria());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
