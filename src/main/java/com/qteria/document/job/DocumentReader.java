package com.qteria.document.job;

import com.qteria.document.Document;
import com.qteria.document.DocumentId;
import com.qteria.document.DocumentPage;
import com.qteria.document.DocumentRead;
import com.qteria.document.DocumentStatus;
import com.qteria.document.DocumentType;
import com.qteria.document.Signature;
import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.DocumentSignature;
import com.qteria.document.extraction.ExtractionOutcome.Cause;
import com.qteria.document.extraction.ExtractionOutcome;
import com.qteria.document.persistence.Documents;
import com.qteria.document.persistence.WordBoxes;
import com.qteria.document.storage.DocumentIntegrityException;
import com.qteria.document.storage.EncryptedStorage;
import com.qteria.platform.DataDirectory;
import com.qteria.platform.jobs.WorkerShutdown;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The background job that reads an uploaded document: decrypts it to a private temporary file, extracts its pages
 * (stored one by one as they come, so memory stays bounded) and ends the document {@code ready} or {@code rejected}
 * with a plain reason. It never throws for a bad file; a run repeated after a crash starts the pages afresh, and
 * only a document still {@code processing} is changed, so a duplicate run is harmless. It runs only for a document
 * holding one of its organization's reading slots (see {@link ReadingDispatcher}) and frees the slot at its end.
 * A reading that fails while the instance shuts down (interrupted by the job server) rejects nothing: the job is
 * handed back ({@link WorkerShutdown}) and another worker reads the document afresh.
 */
@Component
public class DocumentReader {

    private static final Logger log = LoggerFactory.getLogger(DocumentReader.class);
    private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(30);
    /**
     * Runs after the first that fail before the document is rejected: JobRunr waits 3, 9, 27, 81 and 243 seconds
     * between them, so a document store that is down for a few minutes delays the reading instead of rejecting a
     * good file. A file that cannot be read is rejected at once, without retries.
     */
    static final int RETRIES = 5;
    static final String INTERNAL_FAILURE = "Qteria could not read this file because of an internal error. "
            + "Upload it again; if that fails too, contact your administrator.";

    private final Documents documents;
    private final EncryptedStorage storage;
    private final DocumentExtractor extractor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Path temporary;
    private final TransactionTemplate transactions;
    private final ReadingDispatcher dispatcher;
    private final WorkerShutdown shutdown;
    private final DocumentMetrics metrics;
    private final ExecutorService watchdog = Executors.newVirtualThreadPerTaskExecutor();

    DocumentReader(Documents documents, EncryptedStorage storage, DocumentExtractor extractor,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            DataDirectory dataDirectory, ReadingDispatcher dispatcher, WorkerShutdown shutdown,
            DocumentMetrics metrics) {
        this.shutdown = shutdown;
        this.metrics = metrics;
        this.documents = documents;
        this.storage = storage;
        this.extractor = extractor;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.temporary = dataDirectory.temporary();
        this.dispatcher = dispatcher;
    }

    /**
     * Reads the document if it is still being read, then frees its organization's reading slot for the next one. A
     * run that throws keeps the slot: the job is retried, or ends failed and the sweep frees it.
     */
    @Job(name = "Read document %0", retries = RETRIES)
    public void read(UUID documentId) {
        Document document = processing(documentId);
        if (document != null && !readAndFinish(document)) {
            shutdown.handBack(documentId); // keeps the slot, as a retried run does; the next run reads afresh
            return;
        }
        dispatcher.release(documentId);
    }

    /** False when the instance shuts down and the reading was stopped by it: the document is still being read. */
    private boolean readAndFinish(Document document) {
        UUID documentId = document.id().value();
        long began = System.nanoTime();
        ExtractionOutcome outcome;
        try {
            outcome = extract(document);
        } catch (DocumentIntegrityException e) {
            log.error("Document {} failed its integrity check in storage", documentId, e);
            outcome = new ExtractionOutcome.Rejected(Cause.INTEGRITY, e.getMessage());
        } catch (StoreUnavailable e) {
            if (shutdown.underway()) {
                return false;
            }
            log.warn("Document {} could not be fetched from the document store ({}); the job tries again",
                    documentId, e.getCause().toString());
            throw e;
        } catch (IOException | RuntimeException e) {
            if (shutdown.underway()) {
                log.warn("Reading document {} stopped: this instance shuts down ({})", documentId, e.toString());
                return false;
            }
            log.error("Reading document {} failed", documentId, e);
            outcome = new ExtractionOutcome.Rejected(Cause.INTERNAL, INTERNAL_FAILURE);
        } catch (StackOverflowError e) {
            log.error("Reading document {} overflowed the stack", documentId, e);
            outcome = new ExtractionOutcome.Rejected(Cause.UNREADABLE,
                    "The document's structure is nested too deeply to be read "
                    + "safely. Print it to a new PDF and upload that copy.");
        } catch (OutOfMemoryError e) {
            log.error("Reading document {} ran out of memory", documentId, e);
            outcome = new ExtractionOutcome.Rejected(Cause.TOO_LARGE, DocumentExtractor.TOO_MUCH_MEMORY);
        }
        if (outcome instanceof ExtractionOutcome.Rejected) {
            documents.deletePages(documentId);
        }
        if (finish(document, outcome)) {
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            switch (outcome) {
                case ExtractionOutcome.Extracted extracted -> metrics.read(extracted.pages(), took);
                case ExtractionOutcome.Rejected rejected -> metrics.rejected(rejected.cause(), took);
            }
        }
        return true;
    }

    /**
     * Rejects a document whose reading job ended without reading it (failed beyond its retries, or deleted); false
     * when it is no longer being read.
     */
    boolean rejectUnread(UUID documentId) {
        Document document = processing(documentId);
        if (document == null || !finish(document, new ExtractionOutcome.Rejected(Cause.INTERNAL,
                INTERNAL_FAILURE))) {
            return false;
        }
        metrics.rejected(Cause.INTERNAL, null);
        return true;
    }

    /** The document, if it exists and is still being read; null otherwise. */
    private Document processing(UUID documentId) {
        return documents.findForProcessing(new DocumentId(documentId))
                .filter(document -> document.status() == DocumentStatus.PROCESSING).orElse(null);
    }

    /** Ends the document ready or rejected and announces it, in one transaction, if it is still being read. */
    private boolean finish(Document document, ExtractionOutcome outcome) {
        Instant now = clock.instant();
        switch (outcome) {
            case ExtractionOutcome.Extracted extracted -> document.read(extracted.pages(), extracted.warnings(), now);
            case ExtractionOutcome.Rejected rejected -> document.reject(rejected.reason(), now);
        }
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!documents.finish(document)) {
                return false;
            }
            log.info("Document {} is {}{}", document.id(), document.status().value(), document.error() == null
                    ? " (" + document.pages() + " pages)" + warned(document.warnings()) : ": " + document.error());
            events.publishEvent(new DocumentRead(document.tenant(), document.id(), document.status()));
            return true;
        }));
    }

    /** The warnings, once, in the log line that ends the job: what happened to a hostile file, in a few lines. */
    private static String warned(List<String> warnings) {
        return warnings.isEmpty() ? "" : "; warnings: " + String.join(" ", warnings);
    }

    private ExtractionOutcome extract(Document document) throws IOException {
        UUID id = document.id().value();
        Files.createDirectories(temporary);
        Path plain = Files.createTempFile(temporary, "read-", ".bin");
        try {
            try (InputStream in = storage.open(document.stored())) {
                Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
            } catch (DocumentIntegrityException | NoSuchFileException e) {
                throw e; // damaged or gone: trying again would not help
            } catch (IOException e) {
                throw new StoreUnavailable(e);
            }
            documents.deletePages(id);
            DocumentType type = DocumentType.ofMediaType(document.original().mediaType()).orElse(DocumentType.PDF);
            ExtractionOutcome outcome = extractWatched(plain, type, id);
            if (outcome instanceof ExtractionOutcome.Extracted extracted) {
                List<DocumentSignature> signatures = extracted.signatures();
                for (int i = 0; i < signatures.size(); i++) {
                    documents.insertSignature(id, i, signatures.get(i).toSignature());
                }
            }
            return outcome;
        } finally {
            Files.deleteIfExists(plain);
        }
    }

    /**
     * The extractor checks its own deadline while PDFBox works; this outer watchdog covers a call that never returns
     * to a check. The extraction runs on its own virtual thread; past the deadline plus a grace period it is
     * interrupted and abandoned (its page writes are refused from then on) and the document is rejected.
     */
    private ExtractionOutcome extractWatched(Path plain, DocumentType type, UUID id) throws IOException {
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<ExtractionOutcome> running = watchdog.submit(() -> {
            // What PDFBox logs while reading (at most a few lines, see docs/extraction.md) names the document.
            try (var logged = MDC.putCloseable("document_id", id.toString())) {
                return extractor.extract(plain, type, page -> {
                    if (abandoned.get()) {
                        throw new IOException("Reading was stopped by the watchdog");
                    }
                    documents.insertPage(id, new DocumentPage(page.number(), page.text(), page.ocr(),
                            page.needsOcr()), WordBoxes.encode(page.words()));
                    if (page.ocr()) {
                        metrics.ocrPage();
                    }
                });
            }
        });
        Duration limit = extractor.limits().timeout().plus(WATCHDOG_GRACE);
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            running.cancel(true);
            log.error("Reading document {} did not return within {} s; abandoned by the watchdog", id, limit.toSeconds());
            return new ExtractionOutcome.Rejected(Cause.TIMEOUT, "Reading the document took longer than "
                    + extractor.limits().timeout().toSeconds() + " seconds and was stopped." + DocumentExtractor.SPLIT);
        } catch (InterruptedException e) {
            abandoned.set(true);
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading document " + id, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** The stored file could not be fetched (the store unavailable, a network error): not the file's fault. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(IOException cause) {
            super("The document store did not give the file: " + cause.getMessage(), cause);
        }
    }
}
