package com.qteria.document.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.qteria.document.Document;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentType;
import com.qteria.document.UploadedDocuments;
import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.ExtractionLimits;
import com.qteria.document.persistence.Documents;
import com.qteria.document.persistence.ReadingSlots;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.identity.Role;
import com.qteria.platform.DataDirectory;
import com.qteria.platform.jobs.WorkerShutdown;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11: one organization's slow uploads held every worker while another organization's small PDF waited minutes.
 * Reading is shared fairly: an organization has at most {@code qteria.extraction.per-organization} (1 by default)
 * documents being read, and organizations with documents waiting take turns. Word files stand for slow documents
 * here: the extraction of the test's Word files waits at a gate the test opens; PDFs are read at once. A reading
 * stopped by the instance's shutdown keeps its slot and its document, for the worker that reads it next.
 */
@QteriaTest
class FairReadingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @MockitoSpyBean
    DocumentExtractor extractor;
    @Autowired
    UploadedDocuments uploaded;
    @Autowired
    TestData data;
    @Autowired
    Documents documents;
    @Autowired
    EncryptedStorage storage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingSlots slots;
    @Autowired
    ReadingQueue queue;
    @Autowired
    Clock clock;
    @Autowired
    JobScheduler scheduler;
    @Autowired
    DocumentReader reader;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataDirectory dataDirectory;
    @Autowired
    ReadingDispatcher dispatcher;
    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentMetrics metrics;

    /** Slow extractions wait here for a permit, longest waiting first. */
    private final Semaphore gate = new Semaphore(0, true);
    /** The label of each slow file, by the SHA-256 of its bytes. */
    private final Map<String, String> labels = new ConcurrentHashMap<>();
    /** Slow files in the order their extraction started. */
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger reading = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @BeforeEach
    void slowWordFiles() throws Exception {
        doAnswer(call -> {
            String label = call.getArgument(1) == DocumentType.DOCX
                    ? labels.get(sha256(Files.readAllBytes(call.getArgument(0)))) : null;
            if (label == null) {
                return call.callRealMethod();
            }
            started.add(label);
            mostAtOnce.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                gate.acquire();
                return call.callRealMethod();
            } finally {
                reading.decrementAndGet();
            }
        }).when(extractor).extract(any(), any(), any());
    }

    @AfterEach
    void openTheGate() {
        gate.release(1_000);
    }

    @Test
    void anotherOrganizationsDocumentIsReadWhileOneOrganizationsSlowUploadsWait() throws Exception {
        TestData.Tenant hostile = data.newTenant();
        String hostileToken = hostile.tokenOf(Role.PROJECT_HANDLER);
        List<String> slow = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            slow.add(uploadSlow(hostileToken, "A" + i));
        }
        await("a slow file started", () -> !started.isEmpty());
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        String quick = uploaded.upload(token, "quick.pdf", SamplePdfs.pdf("A short test report"));

        assertThat(uploaded.awaitRead(token, quick)).isEqualTo("ready");
        assertThat(started).containsExactly("A1");
        assertThat(slow).allSatisfy(id -> assertThat(status(id)).isEqualTo(DocumentStatus.PROCESSING));
        assertThat(slotsHeldBy(hostile.uuid())).isEqualTo(1);

        gate.release(1_000);
        for (String id : slow) {
            assertThat(uploaded.awaitRead(hostileToken, id)).isEqualTo("ready");
        }
        assertThat(started).containsExactly("A1", "A2", "A3", "A4");
        assertThat(mostAtOnce).hasValue(1);
        await("the last slot freed", () -> slotsHeldBy(hostile.uuid()) == 0);
    }

    @Test
    void organizationsWithDocumentsWaitingTakeTurns() throws Exception {
        TestData.Tenant a = data.newTenant();
        TestData.Tenant b = data.newTenant();
        TestData.Tenant c = data.newTenant();
        for (int i = 1; i <= 3; i++) {
            uploadSlow(a.tokenOf(Role.PROJECT_HANDLER), "A" + i);
        }
        await("A1 started", () -> started.contains("A1"));
        uploadSlow(c.tokenOf(Role.PROJECT_HANDLER), "C1");
        uploadSlow(c.tokenOf(Role.PROJECT_HANDLER), "C2");
        await("A1 and C1 started, one per organization", () -> started.equals(List.of("A1", "C1")));
        uploadSlow(b.tokenOf(Role.PROJECT_HANDLER), "B1");
        uploadSlow(b.tokenOf(Role.PROJECT_HANDLER), "B2");
        await("B1 queued", () -> slotsHeldBy(b.uuid()) == 1);

        // Both workers are busy; each permit lets the longest-waiting extraction finish, and a worker comes free.
        for (int finished = 1; finished <= 5; finished++) {
            gate.release();
            int expected = finished + 2;
            await(expected + " started", () -> started.size() == expected);
        }
        gate.release(2);

        assertThat(started).containsExactly("A1", "C1", "B1", "A2", "C2", "B2", "A3");
    }

    @Test
    void aDocumentLeftWaitingByACrashIsReadByTheTick(@TempDir Path temp) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Document document = processing(tenant, temp);
        documents.insert(document); // the row committed, the upload's event never handled

        assertThat(uploaded.awaitRead(tenant.tokenOf(Role.PROJECT_HANDLER), document.id().value().toString()))
                .isEqualTo("ready");
    }

    @Test
    void aDocumentHoldingASlotWithoutAJobIsQueuedAgainByTheSweep(@TempDir Path temp) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Document document = processing(tenant, temp);
        // The instance died between taking the slot and queueing the job.
        assertThat(slots.take(tenant.uuid(), 1, document.id().value(), clock.instant().minus(Duration.ofHours(1))))
                .isTrue();
        documents.insert(document);

        queue.sweep();

        assertThat(uploaded.awaitRead(tenant.tokenOf(Role.PROJECT_HANDLER), document.id().value().toString()))
                .isEqualTo("ready");
        await("the slot freed", () -> slotsHeldBy(tenant.uuid()) == 0);
    }

    @Test
    void aDocumentWhoseJobWasDeletedIsRejectedByTheSweepAndItsSlotFreed(@TempDir Path temp) throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Document document = processing(tenant, temp);
        UUID id = document.id().value();
        assertThat(slots.take(tenant.uuid(), 1, id, clock.instant().minus(Duration.ofHours(1)))).isTrue();
        documents.insert(document);
        scheduler.<DocumentReader>schedule(id, Instant.now().plus(Duration.ofHours(1)), job -> job.read(id));
        scheduler.delete(id);

        queue.sweep();

        Document rejected = documents.findForProcessing(document.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(rejected.error()).isEqualTo(DocumentReader.INTERNAL_FAILURE);
        assertThat(slotsHeldBy(tenant.uuid())).isZero();
    }

    @Test
    void aReadingInterruptedByTheShutdownRejectsNothingAndKeepsItsSlotForTheNextWorker(@TempDir Path temp)
            throws Exception {
        TestData.Tenant tenant = data.newTenant();
        Document document = processing(tenant, temp);
        UUID id = document.id().value();
        assertThat(slots.take(tenant.uuid(), 1, id, clock.instant())).isTrue();
        documents.insert(document);
        ExtractionLimits limits = extractor.limits();
        DocumentExtractor interrupted = mock(DocumentExtractor.class);
        when(interrupted.limits()).thenReturn(limits);
        when(interrupted.extract(any(), any(), any())).thenThrow(new IllegalStateException(
                "interrupted by the job server", new InterruptedException()));
        WorkerShutdown underway = new WorkerShutdown(context, context.getBeanProvider(BackgroundJobServer.class)) {
            @Override
            public boolean underway() {
                return true;
            }
        };

        new DocumentReader(documents, storage, interrupted, events, transactions, clock, dataDirectory, dispatcher,
                underway, metrics).read(id);

        assertThat(documents.findForProcessing(document.id()).orElseThrow().status()).as("not rejected")
                .isEqualTo(DocumentStatus.PROCESSING);
        assertThat(slotsHeldBy(tenant.uuid())).as("kept for the next run").isOne();

        reader.read(id);

        assertThat(documents.findForProcessing(document.id()).orElseThrow().status()).isEqualTo(DocumentStatus.READY);
        assertThat(slotsHeldBy(tenant.uuid())).isZero();
    }

    /** A document being read, as the upload inserts it, with its file in storage. */
    private Document processing(TestData.Tenant tenant, Path temp) throws Exception {
        Path file = temp.resolve("left.pdf");
        Files.write(file, SamplePdfs.pdf("Uploaded just before the instance died"));
        return Document.restore(new DocumentId(UUID.randomUUID()), new Document.Original(tenant.id(), "left.pdf",
                DocumentType.PDF.mediaType(), Files.size(file), "0".repeat(64), null, clock.instant()),
                storage.store(file), DocumentStatus.PROCESSING, null, null, List.of(), null, 0, false);
    }

    private String uploadSlow(String token, String label) throws Exception {
        byte[] bytes = SamplePdfs.docx("Slow report " + label);
        labels.put(sha256(bytes), label);
        return uploaded.upload(token, label + ".docx", bytes);
    }

    private DocumentStatus status(String id) {
        return documents.findForProcessing(new DocumentId(UUID.fromString(id))).orElseThrow().status();
    }

    private int slotsHeldBy(UUID organization) {
        return jdbc.sql("select count(*) from document_reading_slots where organization_id = :organization")
                .param("organization", organization).query(Integer.class).single();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
