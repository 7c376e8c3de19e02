package com.qteria.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.qteria.document.DocumentId;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.SignatureFact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A quote on a page of a document, as the results JSON shows it. {@code verified}: the server itself found the quote
 * on that page of that document. {@code kind}: {@code quote}, {@code closest_match} (the passage nearest to what a
 * failed check sought: evidence of the failure, never of a pass) or {@code digital_signature} (the page of a digital
 * signature's field; no quote, the {@code signature} instead). Results stored before {@code kind} existed read as
 * quotes.
 */
public record EvidenceView(DocumentId documentId, String documentName, int page, String quote, boolean verified,
        Evidence.Kind kind, @JsonInclude(JsonInclude.Include.NON_NULL) SignatureView signature) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public EvidenceView {
        kind = kind == null ? Evidence.Kind.QUOTE : kind;
    }

    /** A digital signature as evidence: who signed, when (null when the signature does not say), and its coverage. */
    public record SignatureView(String signer, Instant signedAt, boolean coversWholeDocument) {
    }

    public static EvidenceView of(Evidence evidence) {
        SignatureFact fact = evidence.signature();
        return new EvidenceView(new DocumentId(evidence.documentId()), evidence.documentName(), evidence.page(),
                evidence.quote(), evidence.verified(), evidence.kind(),
                fact == null ? null : new SignatureView(fact.signer(), fact.signedAt(), fact.coversWholeDocument()));
    }

    /**
     * What the line shows, in English on one line, for plain-text reports (the {@code assess} table, the CSV): the quote
     * (after "closest match: " for one), or the digital signature in words.
     */
    public String inWords() {
        if (digitalSignature() && signature != null) {
            return "digital signature by " + signature.signer()
                    + (signature.signedAt() == null ? "" : ", signed " + MINUTES.format(signature.signedAt()) + " UTC")
                    + (signature.coversWholeDocument() ? ", covers the whole document"
                            : ", the document was changed after signing");
        }
        String text = quote == null ? "" : quote.replaceAll("\\s+", " ").strip();
        return (closestMatch() ? "closest match: " : "") + text;
    }

    /** The passage nearest to what a failed check sought. */
    public boolean closestMatch() {
        return kind == Evidence.Kind.CLOSEST_MATCH;
    }

    /** The field of a digital signature, with no quote. */
    public boolean digitalSignature() {
        return kind == Evidence.Kind.DIGITAL_SIGNATURE;
    }
}
