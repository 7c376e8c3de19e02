package com.qteria.evaluation.ai;

import com.qteria.evaluation.Confidence;
import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evaluation;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Finding;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.Reason.Doubt;
import com.qteria.evaluation.Source;
import com.qteria.evaluation.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From the model's answer on one criterion to a finding, under the honesty rules of API.md:
 * <ul>
 * <li>Every quote is verified on the page it names; only a quote the server found there is evidence.</li>
 * <li>A pass needs at least one verified quote and no unverified one, and at least medium confidence; otherwise it
 *     needs review (a false pass is the worst error).</li>
 * <li>A fail with quotes needs every quote verified. A fail without quotes is accepted only for absence: the model
 *     said what is asked for is missing, and it saw every page of the routed documents (absence on the pages sent
 *     proves nothing about the pages not sent); its confidence is then at most medium.</li>
 * <li>Any unverified quote makes the criterion need review, whatever the verdict: an unverified quote is never
 *     evidence, and a model that cites text that is not there cannot be trusted on that criterion.</li>
 * <li>{@code uncertain} needs review.</li>
 * </ul>
 */
final class Judgement {

    private final Evaluation evaluation;

    Judgement(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    Finding judge(AnswerParser.Answer answer, List<EvaluatedDocument> documents, boolean allPagesSent) {
        List<Evidence> evidence = new ArrayList<>();
        for (AnswerParser.Quote quote : answer.evidence()) {
            evidence.add(verify(quote, documents));
        }
        List<Evidence> verified = evidence.stream().filter(Evidence::verified).toList();
        List<Evidence> unverified = evidence.stream().filter(e -> !e.verified()).toList();
        List<Evidence> shown = new ArrayList<>(verified);
        shown.addAll(unverified);
        Confidence confidence = Confidence.valueOf(answer.confidence().toUpperCase(Locale.ROOT));
        if (!unverified.isEmpty()) {
            return review(answer, Doubt.UNVERIFIED_QUOTES, unverified.size(), evidence.size(), shown);
        }
        return switch (answer.verdict()) {
            case "pass" -> {
                if (verified.isEmpty()) {
                    yield review(answer, Doubt.PASS_WITHOUT_QUOTE, 0, 0, shown);
                }
                if (confidence == Confidence.LOW) {
                    yield review(answer, Doubt.PASS_LOW_CONFIDENCE, 0, 0, shown);
                }
                yield new Finding(answer.key(), Verdict.PASS, confidence, Source.AI,
                        List.of(new Reason.ModelText(answer.reasoning())), shown, List.of());
            }
            case "fail" -> {
                if (!verified.isEmpty()) {
                    yield new Finding(answer.key(), Verdict.FAIL, confidence, Source.AI,
                            List.of(new Reason.ModelText(answer.reasoning())), shown, List.of());
                }
                if (!answer.missing()) {
                    yield review(answer, Doubt.FAIL_WITHOUT_QUOTE, 0, 0, shown);
                }
                if (!allPagesSent) {
                    yield review(answer, Doubt.ABSENCE_NOT_ESTABLISHED, 0, 0, shown);
                }
                Confidence capped = confidence == Confidence.HIGH ? Confidence.MEDIUM : confidence;
                yield new Finding(answer.key(), Verdict.FAIL, capped, Source.AI,
                        List.of(new Reason.AiAbsent(answer.reasoning())), shown, List.of());
            }
            default -> review(answer, Doubt.UNDECIDED, 0, 0, shown);
        };
    }

    /** Needs review: why the answer is not taken, and what the AI said. */
    private static Finding review(AnswerParser.Answer answer, Doubt doubt, int unverified, int quotes,
            List<Evidence> evidence) {
        Reason reason = new Reason.AiDoubt(doubt, unverified, quotes, answer.verdict(),
                answer.confidence().toLowerCase(Locale.ROOT), answer.reasoning());
        return new Finding(answer.key(), Verdict.NEEDS_REVIEW, Confidence.LOW, Source.AI, List.of(reason), evidence,
                List.of());
    }

    /** The quote checked on its page; documents are named by prompt id (D1) or, failing that, by file name. */
    private Evidence verify(AnswerParser.Quote quote, List<EvaluatedDocument> documents) {
        EvaluatedDocument document = find(quote.document(), documents);
        if (document == null) {
            return Evidence.unverified(null, quote.document(), quote.page(), quote.quote());
        }
        return evaluation.verify(document.id(), document.name(), quote.page(), quote.quote(), documents);
    }

    private static EvaluatedDocument find(String reference, List<EvaluatedDocument> documents) {
        String ref = reference == null ? "" : reference.strip();
        for (int i = 0; i < documents.size(); i++) {
            if (AiPrompt.id(i).equalsIgnoreCase(ref)) {
                return documents.get(i);
            }
        }
        return documents.stream().filter(d -> d.name().equals(ref)).findFirst().orElse(null);
    }
}
