package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.identity.CurrentUser;
import com.qteria.identity.Role;
import com.qteria.shared.TenantId;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The document module with only what it depends on: an upload is stored, read by the reading job and announced with
 * {@link DocumentRead} — the event the assessment module waits for.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class DocumentModuleTests {

    @Autowired
    DocumentManagement documents;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void anUploadIsReadAndAnnounced(Scenario scenario) throws Exception {
        CurrentUser user = user();
        Path readable = Files.write(dir.resolve("report.pdf"), SamplePdfs.pdf("Test report", "IEC 62368-1:2018"));
        Path unreadable = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\nnot really".getBytes());

        DocumentId report = documents.upload(user, List.of(new Upload("report.pdf", readable))).getFirst().id();
        scenario.stimulate(() -> report)
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForEventOfType(DocumentRead.class).matching(read -> read.documentId().equals(report))
                .toArriveAndVerify(read -> {
                    assertThat(read.status()).isEqualTo(DocumentStatus.READY);
                    assertThat(read.tenantId()).isEqualTo(user.tenantId());
                    assertThat(documents.pages(user.tenantId(), report)).extracting(DocumentPage::text)
                            .containsExactly("Test report", "IEC 62368-1:2018");
                });

        scenario.stimulate(() -> documents.upload(user, List.of(new Upload("broken.pdf", unreadable))).getFirst().id())
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForEventOfType(DocumentRead.class).matching(read -> !read.documentId().equals(report))
                .toArriveAndVerify((read, id) -> {
                    assertThat(read.documentId()).isEqualTo(id);
                    assertThat(read.status()).isEqualTo(DocumentStatus.REJECTED);
                    assertThat(documents.get(user.tenantId(), id).error()).isNotBlank();
                });
    }

    private CurrentUser user() {
        UUID organization = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, name, created_at) values (:id, :name, :now)")
                .param("id", organization).param("name", "Module test " + organization)
                .param("now", OffsetDateTime.now()).update();
        return new CurrentUser(UUID.randomUUID(), TenantId.of(organization), "handler@example.com", "Handler",
                Role.PROJECT_HANDLER);
    }
}
