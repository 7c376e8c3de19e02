package com.qteria.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

/** Documents and assertions for the evaluation tests. */
public final class Documents {

    private Documents() {
    }

    public static EvaluatedDocument document(String name, String bucket, String... pages) {
        return new EvaluatedDocument(UUID.nameUUIDFromBytes(name.getBytes()), name, bucket, List.of(pages), List.of());
    }

    public static EvaluatedDocument signed(EvaluatedDocument document, SignatureFact signature) {
        return new EvaluatedDocument(document.id(), document.name(), document.bucket(), document.pages(),
                List.of(signature));
    }

    /** Every quote is verified and exactly the stored text at its offsets. */
    public static void assertExact(List<Evidence> evidence, List<EvaluatedDocument> documents) {
        for (Evidence e : evidence) {
            EvaluatedDocument document = documents.stream().filter(d -> d.id().equals(e.documentId())).findFirst()
                    .orElseThrow();
            assertThat(e.verified()).isTrue();
            assertThat(document.page(e.page()).substring(e.start(), e.end())).isEqualTo(e.quote());
        }
    }
}
