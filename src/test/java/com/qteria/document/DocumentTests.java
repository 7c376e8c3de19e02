package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qteria.document.storage.StoredObject;
import com.qteria.document.storage.WrappedKey;
import com.qteria.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The document's transitions, without Spring: the legal ones change its state, the illegal ones are refused. */
class DocumentTests {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final StoredObject STORED = new StoredObject("object-1", new WrappedKey("k2025", new byte[60]));

    private static Document uploaded() {
        return Document.upload(new Document.Original(TenantId.of(UUID.randomUUID()), "report.pdf", "application/pdf",
                1234, "0".repeat(64), UUID.randomUUID(), T0), STORED);
    }

    private static Document ready() {
        Document document = uploaded();
        document.read(3, List.of(), T0.plusSeconds(1));
        return document;
    }

    private static Document rejected() {
        Document document = uploaded();
        document.reject("It is password-protected. Upload an unprotected copy.", T0.plusSeconds(1));
        return document;
    }

    @Test
    void anUploadedDocumentWaitsToBeRead() {
        Document document = uploaded();
        assertThat(document.status()).isEqualTo(DocumentStatus.PROCESSING);
        assertThat(document.pages()).isNull();
        assertThat(document.error()).isNull();
        assertThat(document.warnings()).isEmpty();
        assertThat(document.readAt()).isNull();
        assertThat(document.stored()).isEqualTo(STORED);
        assertThat(document.held()).isFalse();
        assertThat(uploaded().id()).isNotEqualTo(document.id());
    }

    @Test
    void isReadWithItsPagesAndWarnings() {
        Document document = uploaded();
        document.read(12, List.of("Page 4 has no text layer."), T0.plusSeconds(5));
        assertThat(document.status()).isEqualTo(DocumentStatus.READY);
        assertThat(document.pages()).isEqualTo(12);
        assertThat(document.warnings()).containsExactly("Page 4 has no text layer.");
        assertThat(document.error()).isNull();
        assertThat(document.readAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void isRejectedWithAPlainReason() {
        Document document = uploaded();
        document.reject("It is password-protected. Upload an unprotected copy.", T0.plusSeconds(5));
        assertThat(document.status()).isEqualTo(DocumentStatus.REJECTED);
        assertThat(document.error()).isEqualTo("It is password-protected. Upload an unprotected copy.");
        assertThat(document.pages()).isNull();
        assertThat(document.readAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void isReadOnce() {
        assertThatThrownBy(() -> ready().read(3, List.of(), T0)).isInstanceOf(Document.IllegalTransition.class)
                .hasMessage("A document that is ready cannot be read.");
        assertThatThrownBy(() -> ready().reject("late", T0)).isInstanceOf(Document.IllegalTransition.class)
                .hasMessage("A document that is ready cannot be rejected.");
        assertThatThrownBy(() -> rejected().read(3, List.of(), T0)).isInstanceOf(Document.IllegalTransition.class)
                .hasMessage("A document that is rejected cannot be read.");
        assertThatThrownBy(() -> rejected().reject("again", T0)).isInstanceOf(Document.IllegalTransition.class);
    }

    @Test
    void aRewrappedDataKeyOpensTheSameStoredObjectInAnyStatus() {
        WrappedKey newer = new WrappedKey("k2026", new byte[] {1, 2, 3});
        for (Document document : List.of(uploaded(), ready(), rejected())) {
            DocumentStatus status = document.status();
            document.rewrap(newer);
            assertThat(document.stored()).isEqualTo(new StoredObject("object-1", newer));
            assertThat(document.status()).isEqualTo(status);
        }
    }

    @Test
    void aHeldDocumentCannotBeDeleted() {
        Document free = ready();
        free.delete();

        Document held = ready();
        held.hold();
        assertThat(held.held()).isTrue();
        assertThatThrownBy(held::delete).isInstanceOf(Document.IllegalTransition.class)
                .hasMessage("A document that is held by an unfinished assessment cannot be deleted.");

        Document beingRead = uploaded();
        beingRead.hold();
        assertThatThrownBy(beingRead::delete).as("whatever its status")
                .isInstanceOf(Document.IllegalTransition.class);
    }

    @Test
    void aStoredDocumentKeepsWhatWasStored() {
        Document stored = Document.restore(new DocumentId(UUID.randomUUID()), uploaded().original(), STORED,
                DocumentStatus.READY, 2, null, List.of("w"), T0, 1, true);
        assertThat(stored.held()).isTrue();
        assertThat(stored.ocrPages()).isEqualTo(1);
        assertThatThrownBy(stored::delete).isInstanceOf(Document.IllegalTransition.class);
        assertThatThrownBy(() -> stored.reject("late", T0)).isInstanceOf(Document.IllegalTransition.class);
    }
}
