package com.qteria.evaluation.ai;

import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.retrieval.PassageSearch;
import com.qteria.evaluation.retrieval.PassageSearch.PageHit;
import com.qteria.workflow.Criterion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which pages a batch sends. All of them while the routed documents fit the context budget; beyond it, the first page
 * of each document (what the document is) and then, taking turns between the batch's criteria, each criterion's next
 * best page by retrieval (Lucene BM25, as for criteria without AI), until the budget is spent. Pages go in document
 * order.
 * <p>
 * Tokens are estimated at 4 characters each plus the page marker, which over-counts for English and German prose
 * slightly; an estimate is enough for a budget well below the model's window.
 */
final class ContextSelection {

    private static final int PAGE_OVERHEAD_TOKENS = 12;
    private static final int CANDIDATES_PER_CRITERION = 60;

    private ContextSelection() {
    }

    static int tokens(String page) {
        return page.length() / 4 + PAGE_OVERHEAD_TOKENS;
    }

    /** Whether every page of the documents fits the budget. */
    static boolean fits(List<EvaluatedDocument> documents, int budgetTokens) {
        long total = 0;
        for (EvaluatedDocument document : documents) {
            for (String page : document.pages()) {
                total += tokens(page);
            }
        }
        return total <= budgetTokens;
    }

    /** Document index → 1-based page numbers, ascending. */
    static Map<Integer, List<Integer>> pages(List<Criterion> criteria, List<EvaluatedDocument> documents,
            int budgetTokens) {
        Map<Integer, Set<Integer>> chosen = new HashMap<>();
        if (fits(documents, budgetTokens)) {
            for (int d = 0; d < documents.size(); d++) {
                Set<Integer> all = chosen.computeIfAbsent(d, k -> new TreeSet<>());
                for (int p = 1; p <= documents.get(d).pages().size(); p++) {
                    all.add(p);
                }
            }
            return sorted(chosen);
        }
        List<PageHit> order = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            if (!documents.get(d).pages().isEmpty()) {
                order.add(new PageHit(d, 1));
            }
        }
        List<List<PageHit>> ranked = PassageSearch.rank(criteria.stream().map(BatchEvaluator::query).toList(),
                documents, CANDIDATES_PER_CRITERION);
        for (int rank = 0; rank < CANDIDATES_PER_CRITERION; rank++) {
            for (List<PageHit> hits : ranked) {
                if (rank < hits.size()) {
                    order.add(hits.get(rank));
                }
            }
        }
        long used = 0;
        for (PageHit hit : new LinkedHashSet<>(order)) {
            int cost = tokens(documents.get(hit.document()).page(hit.page()));
            if (used + cost > budgetTokens) {
                continue;
            }
            used += cost;
            chosen.computeIfAbsent(hit.document(), k -> new TreeSet<>()).add(hit.page());
        }
        return sorted(chosen);
    }

    static boolean all(Map<Integer, List<Integer>> pages, List<EvaluatedDocument> documents) {
        for (int d = 0; d < documents.size(); d++) {
            if (pages.getOrDefault(d, List.of()).size() < documents.get(d).pages().size()) {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, List<Integer>> sorted(Map<Integer, Set<Integer>> chosen) {
        Map<Integer, List<Integer>> out = new HashMap<>();
        chosen.forEach((d, pages) -> out.put(d, List.copyOf(new TreeSet<>(pages))));
        return out;
    }
}
