package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Why a finding or a check came out as it did, as a reason code with its parameters: {@link ReasonText} says it as a
 * sentence in the reader's language. Documents are named by file name, buckets by key (the renderer shows their
 * names). Decision: what a model wrote, a document's rejection and a pattern's compile error stay literal text, quoted
 * in the reason; everything the server says is a code. Stored with the results as JSON, the kind in {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Reason.NoDocumentInBuckets.class, name = "no_document_in_buckets"),
        @JsonSubTypes.Type(value = Reason.NotApplicable.class, name = "not_applicable"),
        @JsonSubTypes.Type(value = Reason.RetrievalOnly.class, name = "retrieval_only"),
        @JsonSubTypes.Type(value = Reason.Unreadable.class, name = "unreadable"),
        @JsonSubTypes.Type(value = Reason.UnreadPages.class, name = "unread_pages"),
        @JsonSubTypes.Type(value = Reason.AiUnavailable.class, name = "ai_unavailable"),
        @JsonSubTypes.Type(value = Reason.AiUnanswered.class, name = "ai_unanswered"),
        @JsonSubTypes.Type(value = Reason.EvaluationStopped.class, name = "evaluation_stopped"),
        @JsonSubTypes.Type(value = Reason.ModelText.class, name = "model_text"),
        @JsonSubTypes.Type(value = Reason.AiAbsent.class, name = "ai_absent"),
        @JsonSubTypes.Type(value = Reason.AiDoubt.class, name = "ai_doubt"),
        @JsonSubTypes.Type(value = Reason.CheckIncomplete.class, name = "check_incomplete"),
        @JsonSubTypes.Type(value = Reason.PhrasesFound.class, name = "phrases_found"),
        @JsonSubTypes.Type(value = Reason.PhrasesMissing.class, name = "phrases_missing"),
        @JsonSubTypes.Type(value = Reason.ForbiddenPhrase.class, name = "forbidden_phrase"),
        @JsonSubTypes.Type(value = Reason.PhrasesAbsent.class, name = "phrases_absent"),
        @JsonSubTypes.Type(value = Reason.PhrasesMaybeUnread.class, name = "phrases_maybe_unread"),
        @JsonSubTypes.Type(value = Reason.PatternMatched.class, name = "pattern_matched"),
        @JsonSubTypes.Type(value = Reason.PatternTooRare.class, name = "pattern_too_rare"),
        @JsonSubTypes.Type(value = Reason.InvalidPattern.class, name = "invalid_pattern"),
        @JsonSubTypes.Type(value = Reason.PatternTimedOut.class, name = "pattern_timed_out"),
        @JsonSubTypes.Type(value = Reason.PatternTooDeep.class, name = "pattern_too_deep"),
        @JsonSubTypes.Type(value = Reason.NoCaptureGroup.class, name = "no_capture_group"),
        @JsonSubTypes.Type(value = Reason.NoValue.class, name = "no_value"),
        @JsonSubTypes.Type(value = Reason.SameValue.class, name = "same_value"),
        @JsonSubTypes.Type(value = Reason.DifferentValues.class, name = "different_values"),
        @JsonSubTypes.Type(value = Reason.ValuesFound.class, name = "values_found"),
        @JsonSubTypes.Type(value = Reason.NothingToCompare.class, name = "nothing_to_compare"),
        @JsonSubTypes.Type(value = Reason.DateMissing.class, name = "date_missing"),
        @JsonSubTypes.Type(value = Reason.DateRecent.class, name = "date_recent"),
        @JsonSubTypes.Type(value = Reason.DateTooOld.class, name = "date_too_old"),
        @JsonSubTypes.Type(value = Reason.DigitallySigned.class, name = "digitally_signed"),
        @JsonSubTypes.Type(value = Reason.SignatureBlock.class, name = "signature_block"),
        @JsonSubTypes.Type(value = Reason.NotSigned.class, name = "not_signed"),
        @JsonSubTypes.Type(value = Reason.ClosestMatch.class, name = "closest_match"),
        @JsonSubTypes.Type(value = Reason.ClosestPassage.class, name = "closest_passage"),
        @JsonSubTypes.Type(value = Reason.PageCount.class, name = "page_count")})
public sealed interface Reason {

    /** The criterion's buckets (keys; none: it applies to no bucket) have no document. */
    record NoDocumentInBuckets(List<String> buckets) implements Reason {
    }

    /** The criterion's buckets (keys) are all optional and have no document: nothing to judge. */
    record NotApplicable(List<String> buckets) implements Reason {
    }

    /** No check and no AI decides: the {@code passages} best passages (0: none matched) are shown. */
    record RetrievalOnly(int passages) implements Reason {
    }

    /** A routed document was rejected; {@code why} is the reader's own words. */
    record Unreadable(String document, String why) implements Reason {
    }

    /** Pages of a routed document have no text (no text layer, no OCR). */
    record UnreadPages(String document, List<Integer> pages) implements Reason {
    }

    /**
     * The AI provider stayed unavailable; {@code kind} is a {@link LanguageModelException.Kind} name. {@code minutes}:
     * how long the assessment waited for it at least (the outage deadline, rounded up); null when it did not wait (no
     * outage deadline, or stored before assessments waited).
     */
    record AiUnavailable(String kind, Integer minutes) implements Reason {

        public AiUnavailable(String kind) {
            this(kind, null);
        }
    }

    /** The model's answer was malformed or missing, also after a repair. */
    record AiUnanswered() implements Reason {
    }

    /**
     * An error stopped the evaluation of the criterion (a check or the AI call threw); {@code error} is the error's
     * class, such as {@code StackOverflowError}.
     */
    record EvaluationStopped(String error) implements Reason {
    }

    /** The model's reasoning, as it wrote it. */
    record ModelText(String text) implements Reason {
    }

    /** The model failed the criterion for absence, having seen every page; {@code text} is its reasoning. */
    record AiAbsent(String text) implements Reason {
    }

    /** Why the model's answer was not taken; {@code unverified} of {@code quotes} quotes were not found. */
    record AiDoubt(Doubt doubt, int unverified, int quotes, String verdict, String confidence, String text)
            implements Reason {
    }

    /** Why an answer of the AI is not taken as it is. */
    enum Doubt {
        UNVERIFIED_QUOTES, PASS_WITHOUT_QUOTE, PASS_LOW_CONFIDENCE, FAIL_WITHOUT_QUOTE, ABSENCE_NOT_ESTABLISHED,
        UNDECIDED
    }

    /** The check of that {@code type} lacks what it needs (labels, months, pages). */
    record CheckIncomplete(String type) implements Reason {
    }

    /** {@code contains}: the phrases found in the document, on those pages. */
    record PhrasesFound(List<String> phrases, String document, List<Integer> pages) implements Reason {
    }

    /** {@code contains}: the phrases not found ({@code anyOf}: none of them found). */
    record PhrasesMissing(List<String> phrases, boolean anyOf, String document, List<Integer> unreadPages)
            implements Reason {
    }

    /** {@code not_contains}: the phrase is on that page. */
    record ForbiddenPhrase(String phrase, String document, int page) implements Reason {
    }

    /** {@code not_contains}: none of the phrases in those documents. */
    record PhrasesAbsent(List<String> phrases, List<String> documents) implements Reason {
    }

    /** {@code not_contains}: none of the phrases in the text read, but pages could not be read. */
    record PhrasesMaybeUnread(List<String> phrases, String document, List<Integer> unreadPages) implements Reason {
    }

    /** The pattern matched {@code count} times, on those pages. */
    record PatternMatched(String pattern, int count, String document, List<Integer> pages) implements Reason {
    }

    /** The pattern matched fewer than {@code needed} times. */
    record PatternTooRare(String pattern, int count, int needed, String document, List<Integer> unreadPages)
            implements Reason {
    }

    /** The pattern does not compile; {@code detail} is the compiler's message. */
    record InvalidPattern(String pattern, String detail) implements Reason {
    }

    /** The pattern was stopped at its time budget on that document. */
    record PatternTimedOut(String pattern, String document) implements Reason {
    }

    /** The pattern was stopped on that document: its backtracking went deeper than the thread's stack allows. */
    record PatternTooDeep(String pattern, String document) implements Reason {
    }

    /** {@code same_value}: the pattern has no group 1. */
    record NoCaptureGroup(String pattern) implements Reason {
    }

    /** {@code same_value}: no value in that document. */
    record NoValue(String document, List<Integer> unreadPages) implements Reason {
    }

    /** {@code same_value}: one value everywhere. */
    record SameValue(Value value) implements Reason {
    }

    /** {@code same_value}: the values differ. */
    record DifferentValues(List<Value> values) implements Reason {
    }

    /** {@code same_value}: the values that were found. */
    record ValuesFound(List<Value> values) implements Reason {
    }

    /** {@code same_value}: buckets (keys) without any document to compare. */
    record NothingToCompare(List<String> buckets) implements Reason {
    }

    /** A value of {@code same_value} and where it was found. */
    record Value(String value, List<Place> places) {
    }

    /** A page of a document. */
    record Place(String document, int page) {
    }

    /**
     * {@code date_not_older}: no labelled date in the document; {@code labelSeen} occurs on {@code labelPage} without
     * a date after it (null: none of the labels occurs).
     */
    record DateMissing(List<String> labels, String document, String labelSeen, int labelPage,
            List<Integer> unreadPages) implements Reason {
    }

    /** {@code date_not_older}: the date ({@code written} on the page) is on or after {@code limit} (ISO dates). */
    record DateRecent(List<String> labels, String date, String written, int page, String document, String limit)
            implements Reason {
    }

    /** {@code date_not_older}: the date is before {@code limit}, {@code months} before {@code asOf}. */
    record DateTooOld(List<String> labels, String date, String written, int page, String document, String limit,
            int months, String asOf) implements Reason {
    }

    /**
     * {@code signed}: a verified digital signature; {@code signedAt} (ISO-8601 instant) and {@code page} (of its field)
     * are null when unknown.
     */
    record DigitallySigned(String document, String signer, boolean changedAfterSigning, String signedAt, Integer page)
            implements Reason {
    }

    /**
     * {@code signed}: a visible signature block on that page; {@code signer} and {@code date} as written there, null when
     * the block gives none (results stored before they were recorded have neither).
     */
    record SignatureBlock(String document, int page, String signer, String date) implements Reason {
    }

    /**
     * {@code contains} or {@code matches} failed: {@code found}, on that page, is what comes closest to {@code sought}
     * (a phrase, or a pattern's literal text).
     */
    record ClosestMatch(String sought, String found, String document, int page) implements Reason {
    }

    /** Nothing close to what a failed check sought: the passage nearest to the criterion, for comparison. */
    record ClosestPassage(String document, int page, String excerpt) implements Reason {
    }

    /** {@code signed}: neither; {@code invalidSigners} signed digitally, but their signatures do not verify. */
    record NotSigned(String document, List<String> invalidSigners, List<Integer> unreadPages) implements Reason {
    }

    /** {@code min_pages}: the document has {@code pages}, {@code needed} are required. */
    record PageCount(String document, int pages, int needed) implements Reason {
    }
}
