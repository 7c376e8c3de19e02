package com.qteria.assessment;

import com.qteria.shared.ResourceNames;
import com.qteria.shared.TenantId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assessments by their reference and workflow name (or workflow name and day when they have no reference), and share
 * links by the assessment they share; both linked to the assessment's page.
 */
@Component
class AssessmentNames implements ResourceNames {

    private final AssessmentManagement assessments;
    private final JdbcClient jdbc;

    AssessmentNames(AssessmentManagement assessments, JdbcClient jdbc) {
        this.assessments = assessments;
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of("assessment", "share");
    }

    @Override
    public Map<String, ResourceName> names(TenantId tenant, String type, Collection<String> ids) {
        List<UUID> wanted = ResourceNames.uuids(ids);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        if (type.equals("share")) {
            Map<UUID, UUID> shared = jdbc.sql("""
                            select id, assessment_id from assessment_shares where organization_id = :tenant and id in (:ids)""")
                    .param("tenant", tenant.value()).param("ids", wanted)
                    .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getObject("assessment_id", UUID.class)))
                    .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, ResourceName> names = assessments(tenant, shared.values());
            return shared.entrySet().stream().filter(e -> names.containsKey(e.getValue().toString()))
                    .collect(Collectors.toMap(e -> e.getKey().toString(), e -> names.get(e.getValue().toString())));
        }
        return assessments(tenant, wanted);
    }

    private Map<String, ResourceName> assessments(TenantId tenant, Collection<UUID> ids) {
        return assessments.get(tenant, ids.stream().distinct().map(AssessmentId::new).toList()).stream()
                .collect(Collectors.toMap(a -> a.id().toString(), AssessmentNames::name, (a, b) -> a));
    }

    private static ResourceName name(AssessmentView assessment) {
        String workflow = assessment.workflow().name();
        String name = assessment.reference() == null || assessment.reference().isBlank()
                ? workflow + ", " + assessment.createdAt().atZone(ZoneOffset.UTC).toLocalDate()
                : assessment.reference() + " (" + workflow + ")";
        return new ResourceName(name, "/assessments/" + assessment.id());
    }
}
