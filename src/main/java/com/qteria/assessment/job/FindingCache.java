package com.qteria.assessment.job;

import com.qteria.assessment.CriterionResult;
import com.qteria.evaluation.AssessedDocument;
import com.qteria.shared.TenantId;
import java.util.Collection;
import com.qteria.assessment.persistence.Assessments;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identical criterion + identical documents + same evaluator version (+ same assessment date, for a criterion with a
 * {@code date_not_older} check) → the stored finding is reused, within the organization only. The key hashes the
 * criterion (id and definition), the evaluator version, the date where it matters, and the routed documents (id, name,
 * bucket and the page text the evaluators read), so the evidence of a reused finding always names the same documents.
 * A re-run on another day thus reuses every finding whose inputs did not change.
 * Bump {@link #EVALUATOR_VERSION} whenever the checks engine or retrieval changes behaviour.
 */
@Component
class FindingCache {

    static final String EVALUATOR_VERSION = "checks-retrieval-2";
    /** Bump when the prompt, the answer schema or the honesty rules change. */
    static final String AI_EVALUATOR_VERSION = "ai-1";
    /**
     * Part of the key of a criterion routed to no document: findings stored before {@code not_applicable} existed said
     * {@code needs_review} for a criterion whose buckets are all optional and empty, and must not be reused.
     */
    static final String NO_DOCUMENT = "no-document-2";

    /**
     * Part of the key instead of the assessment date for a criterion without a {@code date_not_older} check, whose
     * finding does not depend on the date: a re-run on another day reuses it.
     */
    static final String ANY_DATE = "any-date";

    private final Assessments assessments;
    private final JsonMapper json;

    FindingCache(Assessments assessments, JsonMapper json) {
        this.assessments = assessments;
        this.json = json;
    }

    /**
     * The keys of one run: each document's content is hashed once here, so a key per criterion only hashes the
     * criterion and the fingerprints of its routed documents.
     */
    Function<Criterion, String> keys(List<AssessedDocument> documents, LocalDate asOf) {
        return keys(documents, asOf, null);
    }

    /**
     * As {@link #keys(List, LocalDate)}; {@code model} is the AI model criteria without checks are put to (null:
     * none), part of those criteria's keys, so a finding of one model is never reused for another, nor for none.
     */
    Function<Criterion, String> keys(List<AssessedDocument> documents, LocalDate asOf, String model) {
        Map<UUID, String> fingerprints = new HashMap<>();
        documents.forEach(d -> fingerprints.put(d.id(), fingerprint(d)));
        return criterion -> key(criterion, documents, fingerprints, asOf,
                model != null && (criterion.checks() == null || criterion.checks().isEmpty())
                        ? AI_EVALUATOR_VERSION + "/" + model : EVALUATOR_VERSION);
    }

    private String key(Criterion criterion, List<AssessedDocument> documents, Map<UUID, String> fingerprints,
            LocalDate asOf, String evaluator) {
        MessageDigest digest = sha256();
        update(digest, evaluator);
        update(digest, datesMatter(criterion) ? asOf.toString() : ANY_DATE);
        update(digest, String.valueOf(criterion.id()));
        update(digest, json.writeValueAsString(new CriterionDefinition(criterion.key(), criterion.name(),
                criterion.description(), criterion.appliesTo(), criterion.severity().key(), criterion.checks())));
        List<AssessedDocument> routed = documents.stream()
                .filter(d -> criterion.appliesToAllBuckets() || criterion.appliesTo().contains(d.bucket()))
                .sorted(Comparator.comparing(AssessedDocument::bucket).thenComparing(d -> d.id().toString()))
                .toList();
        routed.forEach(d -> {
            update(digest, d.bucket());
            update(digest, fingerprints.get(d.id()));
        });
        if (routed.isEmpty()) {
            update(digest, NO_DOCUMENT);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Only {@code date_not_older} reads the assessment date (the AI is not told it). */
    private static boolean datesMatter(Criterion criterion) {
        return criterion.checks() != null && criterion.checks().stream().anyMatch(c -> c instanceof Check.DateNotOlder);
    }

    /** Id, name and what the evaluators read of one document. */
    private static String fingerprint(AssessedDocument document) {
        MessageDigest digest = sha256();
        update(digest, document.id().toString());
        update(digest, document.name());
        switch (document) {
            case AssessedDocument.Read read -> {
                EvaluatedDocument evaluated = read.document();
                evaluated.pages().forEach(page -> update(digest, page));
                update(digest, read.unreadPages().toString());
                update(digest, evaluated.signatures().toString());
            }
            case AssessedDocument.Rejected rejected -> update(digest, "rejected:" + rejected.reason());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Results computed earlier in the organization for exactly the same inputs, by key. */
    Map<String, CriterionResult> reusable(TenantId tenant, Collection<String> keys) {
        return assessments.reusable(tenant, keys);
    }

    private record CriterionDefinition(String key, String name, String description, List<String> appliesTo,
            String severity, Object checks) {
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = (value == null ? "\u0000" : value).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
