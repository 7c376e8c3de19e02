package com.qteria.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.audit.anchor.Checkpoints;
import com.qteria.document.storage.DocumentStore;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import com.qteria.support.TestDatabase;
import com.qteria.shared.AuditableEvent;
import com.qteria.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@QteriaTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditLog log;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    DocumentStore store;

    @Test
    void identityChangesAndSignInsAreRecordedWithTheirActor() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String admin = tenant.adminToken();
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"audited-" + TestData.unique() + "@example.com\", \"name\": \"Audited\", "
                                + "\"role\": \"project_handler\", \"password\": \"" + TestData.PASSWORD + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/auth/token").with(r -> {
                    r.setRemoteAddr("192.0.2.7");
                    return r;
                }).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + tenant.admin().email() + "\", \"password\": \"wrong password!\"}"))
                .andExpect(status().isUnauthorized());

        mvc.perform(get("/api/v1/audit-events?action=user.created").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].actor").value(tenant.admin().email()))
                .andExpect(jsonPath("$.items[0].resource_type").value("user"))
                .andExpect(jsonPath("$.items[0].details.role").value("project_handler"));
        mvc.perform(get("/api/v1/audit-events?action=auth.sign_in_failed").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items[0].ip").value("192.0.2.7"))
                .andExpect(jsonPath("$.items[0].details.reason").value("wrong_password"));
        mvc.perform(get("/api/v1/audit-events?actor=" + tenant.admin().email() + "&resource_type=token")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.items[0].action").value("token.created"));
        mvc.perform(get("/api/v1/audit-events?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z")
                        .header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.page.total_items").value(0));
        mvc.perform(get("/api/v1/audit-events?from=yesterday").header("Authorization", "Bearer " + admin))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void anUntouchedChainVerifiesAndExportsWithItsHashes() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROCESS_MANAGER);
        String admin = tenant.adminToken();
        mvc.perform(get("/api/v1/audit-events/verify").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.checked").value(4));
        String csv = mvc.perform(get("/api/v1/audit-events/export.csv").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-events.csv\""))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(
                "id,seq,at,actor,action,resource_type,resource_id,ip,details,prev_hash,hash,actor_name,resource_name");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).contains("organization.created");
    }

    @Test
    void anEditedEntryIsDetectedAndNamed() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROJECT_HANDLER);
        tenant.user(Role.PROJECT_HANDLER);
        String admin = tenant.adminToken();
        Map<String, Object> victim = jdbc.queryForMap(
                "select id, seq from audit_events where chain = ? and action = 'user.created' order by seq limit 1 offset 1",
                tenant.id().toString());

        behindTheApplicationsBack("update audit_events set details = '{\"role\":\"admin\"}' where id = ?", victim.get("id"));

        mvc.perform(get("/api/v1/audit-events/verify").header("Authorization", "Bearer " + admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.first_bad_entry.id").value(victim.get("id").toString()))
                .andExpect(jsonPath("$.first_bad_entry.seq").value(((Number) victim.get("seq")).longValue()))
                .andExpect(jsonPath("$.first_bad_entry.reason").value("its content was changed after it was written"));
    }

    @Test
    void aDeletedEntryIsDetected() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROJECT_HANDLER);
        String admin = tenant.adminToken();
        long last = jdbc.queryForObject("select max(seq) from audit_events where chain = ?", Long.class, tenant.id().toString());
        behindTheApplicationsBack("delete from audit_events where chain = ? and seq = 2", tenant.id().toString());
        mvc.perform(get("/api/v1/audit-events/verify").header("Authorization", "Bearer " + admin))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.first_bad_entry.seq").value(3));

        TestData.Tenant other = data.newTenant();
        behindTheApplicationsBack("delete from audit_events where chain = ? and seq = (select max(seq) from audit_events where chain = ?)",
                other.id().toString(), other.id().toString());
        assertThat(log.verify(other.id()).valid()).isFalse();
        assertThat(log.verify(other.id()).firstBadEntry().reason()).contains("last entries were removed");
        assertThat(last).isGreaterThan(2);
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> events.publishEvent(new TestEvent(tenant.id(), n))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        AuditVerification verification = log.verify(tenant.id());
        assertThat(verification.valid()).isTrue();
        assertThat(verification.checked()).isEqualTo(42);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntriesOnH2AndPostgres() {
        TestData.Tenant tenant = data.newTenant();
        assertThatThrownBy(() -> jdbc.update("update audit_events set actor = 'eve' where chain = ?", tenant.id().toString()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_events where chain = ?", tenant.id().toString()))
                .hasMessageContaining("append-only");
        if (TestDatabase.usePostgres()) { // H2 fires no trigger on TRUNCATE; the seals and checkpoints still tell
            assertThatThrownBy(() -> jdbc.execute("truncate audit_events")).hasMessageContaining("append-only");
        }
    }

    @Test
    void aChainRewrittenWithSuperuserRightsAndRecomputedHashesIsDetected() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROJECT_HANDLER);
        tenant.user(Role.PROCESS_MANAGER);
        String chain = tenant.id().toString();
        List<AuditEntry> entries = new ArrayList<>();
        log.forEach(tenant.id(), new AuditQuery(null, null, null, null, null), entries::addAll);
        AuditEntry victim = entries.get(1);

        // The attacker edits entry 2 and recomputes every hash after it, links and chain head included.
        String previous = entries.get(0).hash();
        for (AuditEntry entry : entries.subList(1, entries.size())) {
            String details = entry.id().equals(victim.id()) ? "{\"role\":\"admin\"}" : entry.details();
            AuditEntry rewritten = new AuditEntry(entry.id(), entry.chain(), entry.seq(), entry.organizationId(),
                    entry.at(), entry.actor(), entry.action(), entry.resourceType(), entry.resourceId(), entry.ip(),
                    details, previous, null);
            previous = rewritten.computeHash();
            behindTheApplicationsBack("update audit_events set details = ?, prev_hash = ?, hash = ? where id = ?",
                    details, rewritten.prevHash(), previous, entry.id());
        }
        jdbc.update("update audit_chain_heads set hash = ? where chain = ?", previous, chain);

        AuditVerification verification = log.verify(tenant.id());
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBadEntry().seq()).isEqualTo(victim.seq());
        assertThat(verification.firstBadEntry().reason()).isEqualTo(
                "its seal does not match: it was written or rewritten outside Qteria");
    }

    @Test
    void entriesRemovedUpToACheckpointAreDetectedEvenWithTheHeadReset() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        tenant.user(Role.PROJECT_HANDLER);
        String chain = tenant.id().toString();
        assertThat(checkpoints.take(chain)).isTrue();
        assertThat(checkpoints.take(chain)).as("nothing new to checkpoint").isFalse();
        assertThat(log.verify(tenant.id()).valid()).isTrue();
        Map<String, Object> last = jdbc.queryForMap(
                "select seq, prev_hash from audit_events where chain = ? order by seq desc limit 1", chain);

        // Removed with the head moved back: the chain itself is consistent again, only the checkpoint remembers.
        behindTheApplicationsBack("delete from audit_events where chain = ? and seq = ?", chain, last.get("seq"));
        jdbc.update("update audit_chain_heads set seq = ?, hash = ? where chain = ?",
                ((Number) last.get("seq")).longValue() - 1, last.get("prev_hash"), chain);

        AuditVerification verification = log.verify(tenant.id());
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBadEntry().reason()).contains("the last entries were removed")
                .contains("checkpoint");
    }

    @Test
    void aCheckpointAlteredInTheStoreIsDetected() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String chain = tenant.id().toString();
        checkpoints.take(chain);
        String key = "audit/checkpoints/" + chain + "/latest.json";
        String stored = new String(store.get(key).readAllBytes(), StandardCharsets.UTF_8);
        Path forged = Files.createTempFile("checkpoint", ".json");
        Files.writeString(forged, stored.replaceFirst("\"seq\":\\d+", "\"seq\":1"));
        store.put(key, forged);
        Files.delete(forged);

        assertThat(log.verify(tenant.id()).firstBadEntry().reason()).contains("checkpoint kept outside the database");
    }

    @Test
    void entriesWrittenBeforeSealingAreVouchedForByTheFirstCheckpointAndNoLaterOnes() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        String chain = tenant.id().toString();
        behindTheApplicationsBack("update audit_events set seal = null where chain = ?", chain);
        assertThat(log.verify(tenant.id()).firstBadEntry().seq()).as("unsealed and no checkpoint").isEqualTo(1);

        checkpoints.take(chain); // what an upgraded installation does at its first start
        assertThat(log.verify(tenant.id()).valid()).isTrue();

        tenant.user(Role.PROJECT_HANDLER);
        long newest = jdbc.queryForObject("select max(seq) from audit_events where chain = ?", Long.class, chain);
        behindTheApplicationsBack("update audit_events set seal = null where chain = ? and seq = ?", chain, newest);
        assertThat(log.verify(tenant.id()).firstBadEntry().seq()).isEqualTo(newest);
    }

    @Test
    void anotherTenantsEventsAreNotListed() throws Exception {
        TestData.Tenant tenant = data.newTenant();
        TestData.Tenant other = data.newTenant();
        String body = mvc.perform(get("/api/v1/audit-events?size=100").header("Authorization", "Bearer " + tenant.adminToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(other.admin().email()).doesNotContain(other.id().toString());
    }

    /** Tampering as a database administrator would: with the append-only trigger switched off. */
    private void behindTheApplicationsBack(String sql, Object... args) {
        if (TestDatabase.usePostgres()) {
            jdbc.execute("alter table audit_events disable trigger audit_events_append_only");
            try {
                jdbc.update(sql, args);
            } finally {
                jdbc.execute("alter table audit_events enable trigger audit_events_append_only");
            }
        } else {
            jdbc.execute("drop trigger audit_events_append_only");
            try {
                jdbc.update(sql, args);
            } finally {
                jdbc.execute("create trigger audit_events_append_only before update, delete on audit_events "
                        + "for each row call 'com.qteria.audit.anchor.AppendOnlyOnH2'");
            }
        }
    }

    record TestEvent(TenantId tenantId, int n) implements AuditableEvent {
        public String actor() { return "test"; }
        public String action() { return "test.concurrent"; }
        public String resourceType() { return "test"; }
        public String resourceId() { return UUID.randomUUID().toString(); }
        public Map<String, Object> details() { return Map.of("n", n); }
    }
}
