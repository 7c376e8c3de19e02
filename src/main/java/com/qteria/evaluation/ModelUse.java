package com.qteria.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The model a criterion was put to, and which pages it saw.
 *
 * @param model     {@link LanguageModel#name()}, e.g. {@code anthropic/claude-sonnet-5-5}
 * @param pagesSent the pages sent per document when the documents exceeded the context budget; null when the model
 *                  saw every page
 */
public record ModelUse(String model, @JsonInclude(JsonInclude.Include.NON_NULL) List<PagesSent> pagesSent) {

    public ModelUse {
        pagesSent = pagesSent == null || pagesSent.isEmpty() ? null : List.copyOf(pagesSent);
    }
}
