package com.qteria.evaluation;

import java.util.List;

/**
 * Receives the findings of an {@link EvaluationPipeline} run as they are made: one criterion at a time, or the
 * criteria of one AI batch together with the call that judged them. The server's job stores them (so a resumed run
 * only does what is missing); the {@code assess} command collects them.
 */
@FunctionalInterface
public interface FindingSink {

    /**
     * @param findings made together, in the workflow's order within the group
     * @param call     the AI call that made them; null when no model was called
     */
    void accept(List<CriterionFinding> findings, AiCall call);
}
