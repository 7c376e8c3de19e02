package com.qteria.evaluation.ai;

import com.qteria.evaluation.Finding;
import com.qteria.evaluation.LanguageModel;
import com.qteria.evaluation.PagesSent;
import com.qteria.evaluation.TokenUsage;
import java.util.List;

/**
 * What the model made of one batch of criteria.
 *
 * @param findings  one per criterion of the batch, in its order, already under the honesty rules
 * @param usage     the tokens of every call the batch took (a repair included)
 * @param calls     calls made, a repair included (retries of a failed call not counted)
 * @param model     the model's {@link LanguageModel#name()}
 * @param pagesSent per document, the pages sent when the documents exceeded the context budget; empty when every
 *                  page of every routed document was sent
 */
public record AiOutcome(List<Finding> findings, TokenUsage usage, int calls, String model, List<PagesSent> pagesSent) {

    public AiOutcome {
        findings = List.copyOf(findings);
        pagesSent = List.copyOf(pagesSent);
    }
}
