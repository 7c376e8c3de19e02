/**
 * Evaluation: stateless, from criteria and the text of the routed documents to findings with evidence. Checks decide
 * first (deterministic rules of API.md); criteria without checks get candidate passages from retrieval (Lucene BM25)
 * and come back as needs_review. Every quote this module returns is an exact substring of the stored page text, and
 * every quote from elsewhere (an AI) is verified here before it may count as evidence. A finding says why as
 * {@link com.qteria.evaluation.Reason}s (codes with parameters), which {@link com.qteria.evaluation.ReasonText} says
 * in the reader's language.
 * <p>
 * Entry point: {@link com.qteria.evaluation.Evaluation}. Sub-packages ({@code text}, {@code checks},
 * {@code retrieval}) are internal.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"workflow", "shared"})
package com.qteria.evaluation;

import org.springframework.modulith.ApplicationModule;
