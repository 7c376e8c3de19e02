package com.qteria.evaluation;

import com.qteria.evaluation.checks.CheckRunner;
import com.qteria.evaluation.retrieval.PassageSearch;
import com.qteria.evaluation.text.Excerpt;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Criterion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The evaluation module's entry point: stateless, thread-safe, usable with {@code new} (tests, the command line).
 * <p>
 * Decisions (API.md, PRODUCT.md):
 * <ul>
 * <li>A criterion is evaluated against the documents of the buckets in its {@code applies_to} only ({@code *}: all).
 *     When every one of those buckets is optional and has no document, the criterion is not applicable
 *     ({@link #notApplicable}): nothing is evaluated, no AI is asked. Otherwise no routed document → needs review
 *     (a required bucket without a document, a bucket the workflow does not have).</li>
 * <li>A criterion with checks passes only when every check passes on every routed document; any failing check
 *     makes it fail (confidence high), the reasoning lists each failing check's explanation; a check that cannot
 *     decide (and none failing) makes it need review. Checks never consult an AI. A {@code contains} or
 *     {@code matches} failure with nothing close to what it sought shows, as its evidence, the passages retrieval
 *     finds nearest to the criterion (marked as closest match, never deciding anything).</li>
 * <li>A criterion without checks is never passed or failed here: retrieval proposes the three best passages,
 *     verdict needs review, confidence low.</li>
 * </ul>
 */
@Component
public class Evaluation {

    /** How many candidate passages retrieval proposes. */
    public static final int PASSAGES = 3;
    /** The longest excerpt of a passage a reason quotes. */
    private static final int EXCERPT = 120;

    /** The documents the criterion is evaluated against, in the given order. */
    public List<EvaluatedDocument> route(Criterion criterion, List<EvaluatedDocument> all) {
        if (criterion.appliesTo() == null) {
            return List.of();
        }
        if (criterion.appliesToAllBuckets()) {
            return List.copyOf(all);
        }
        return all.stream().filter(document -> criterion.appliesTo().contains(document.bucket())).toList();
    }

    /**
     * The finding {@code not_applicable} when every bucket the criterion applies to ({@code *}: every bucket of the
     * workflow) is optional and was given no document, readable or not; null when the criterion is to be evaluated.
     * A bucket {@code buckets} does not know is never optional.
     *
     * @param buckets   the workflow's buckets
     * @param documents the documents given, read or rejected
     */
    public Finding notApplicable(Criterion criterion, List<Bucket> buckets, List<AssessedDocument> documents) {
        if (criterion.appliesTo() == null || criterion.appliesTo().isEmpty()) {
            return null;
        }
        List<String> keys = criterion.appliesToAllBuckets() ? buckets.stream().map(Bucket::key).toList()
                : criterion.appliesTo();
        Set<String> optional = buckets.stream().filter(b -> !b.required()).map(Bucket::key).collect(Collectors.toSet());
        Set<String> given = documents.stream().map(AssessedDocument::bucket).collect(Collectors.toSet());
        if (keys.isEmpty() || !optional.containsAll(keys) || keys.stream().anyMatch(given::contains)) {
            return null;
        }
        boolean hasChecks = criterion.checks() != null && !criterion.checks().isEmpty();
        return new Finding(criterion.key(), Verdict.NOT_APPLICABLE, Confidence.HIGH,
                hasChecks ? Source.CHECKS : Source.RETRIEVAL, List.of(new Reason.NotApplicable(keys)), List.of(),
                List.of());
    }

    /** Checks when the criterion has any, else retrieval; {@code asOf} is the assessment date of date checks. */
    public Finding evaluate(Criterion criterion, List<EvaluatedDocument> all, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        boolean hasChecks = criterion.checks() != null && !criterion.checks().isEmpty();
        Source source = hasChecks ? Source.CHECKS : Source.RETRIEVAL;
        List<EvaluatedDocument> routed = route(criterion, all);
        if (routed.isEmpty()) {
            List<String> buckets = criterion.appliesTo() == null ? List.of() : criterion.appliesTo();
            return new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, source,
                    List.of(new Reason.NoDocumentInBuckets(buckets)), List.of(), List.of());
        }
        return hasChecks ? byChecks(criterion, routed, asOf) : byRetrieval(criterion, routed);
    }

    private Finding byChecks(Criterion criterion, List<EvaluatedDocument> routed, LocalDate asOf) {
        List<CheckResult> results = CheckRunner.run(criterion.checks(), routed, asOf);
        List<CheckResult> failed = new ArrayList<>();
        List<CheckResult> undecided = new ArrayList<>();
        for (CheckResult result : results) {
            switch (result) {
                case CheckResult.Passed passed -> { }
                case CheckResult.Failed fail -> failed.add(fail);
                case CheckResult.Undecided open -> undecided.add(open);
            }
        }
        if (!failed.isEmpty()) {
            List<Reason> reasons = new ArrayList<>(explain(failed));
            List<Evidence> evidence = new ArrayList<>(evidence(failed));
            if (evidence.isEmpty() && failed.stream().anyMatch(Evaluation::onAbsence)) {
                for (Evidence passage : PassageSearch.best(query(criterion), routed, PASSAGES)) {
                    evidence.add(passage.asClosestMatch());
                    reasons.add(new Reason.ClosestPassage(passage.documentName(), passage.page(),
                            Excerpt.shortened(passage.quote(), EXCERPT)));
                }
            }
            return new Finding(criterion.key(), Verdict.FAIL, Confidence.HIGH, Source.CHECKS, reasons, evidence,
                    results);
        }
        if (!undecided.isEmpty()) {
            return new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.CHECKS,
                    explain(undecided), evidence(results), results);
        }
        return new Finding(criterion.key(), Verdict.PASS, Confidence.HIGH, Source.CHECKS, explain(results),
                evidence(results), results);
    }

    /** A check that fails when what it seeks is absent: its evidence is the closest passage there is. */
    private static boolean onAbsence(CheckResult result) {
        return result.type().equals("contains") || result.type().equals("matches");
    }

    /** What retrieval searches for a criterion: its name and description. */
    private static String query(Criterion criterion) {
        return criterion.name() + (criterion.description() == null ? "" : "\n" + criterion.description());
    }

    private static List<Reason> explain(List<CheckResult> results) {
        return results.stream().flatMap(r -> r.reasons().stream()).toList();
    }

    private static List<Evidence> evidence(List<CheckResult> results) {
        return results.stream().flatMap(r -> r.evidence().stream()).distinct().toList();
    }

    private Finding byRetrieval(Criterion criterion, List<EvaluatedDocument> routed) {
        List<Evidence> passages = PassageSearch.best(query(criterion), routed, PASSAGES);
        return new Finding(criterion.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.RETRIEVAL,
                List.of(new Reason.RetrievalOnly(passages.size())), passages, List.of());
    }

    /**
     * Verifies a quote from any source (an AI) against the stored text: when it occurs on that page of that document
     * after normalisation (case, white space, line-end hyphenation, ligatures), the evidence is verified and quotes
     * the stored text exactly, with its offsets; otherwise it is returned unverified, as given. An empty quote, an
     * unknown document or a page out of range is never verified.
     */
    public Evidence verify(UUID documentId, String documentName, int page, String quote, List<EvaluatedDocument> docs) {
        EvaluatedDocument document = docs.stream().filter(d -> d.id().equals(documentId)).findFirst().orElse(null);
        if (document == null || quote == null || page < 1 || page > document.pages().size()) {
            return Evidence.unverified(documentId, documentName, page, quote);
        }
        return verifyOnPage(documentId, document.name(), page, document.page(page), quote);
    }

    /**
     * {@link #verify} on one page whose stored text is {@code pageText}: the evidence viewer finds a quote on the page
     * by the same rule that verified it.
     */
    public static Evidence verifyOnPage(UUID documentId, String documentName, int page, String pageText,
            String quote) {
        String needle = quote == null ? "" : NormalizedText.normalize(stripQuotes(quote), Form.PHRASES);
        if (needle.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Evidence.unverified(documentId, documentName, page, quote);
        }
        NormalizedText text = NormalizedText.of(pageText, Form.PHRASES);
        List<Span> found = text.find(needle, false);
        if (found.isEmpty()) {
            return Evidence.unverified(documentId, documentName, page, quote);
        }
        Span original = text.toOriginal(found.getFirst().start(), found.getFirst().end());
        return new Evidence(documentId, documentName, page, pageText.substring(original.start(), original.end()), true,
                original.start(), original.end());
    }

    private static String stripQuotes(String quote) {
        String s = quote.strip();
        while (s.length() >= 2 && "\"'\u201c\u201d\u2018\u2019\u201e".indexOf(s.charAt(0)) >= 0
                && "\"'\u201c\u201d\u2018\u2019".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
