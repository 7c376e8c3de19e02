package com.qteria.evaluation.retrieval;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A criterion's query in both languages' fields: its own words (every word may match, as in a plain BM25 query; a word
 * written twice weighs twice) and the glossary's expansions (all words of a term must match, at the term's lower
 * weight). A German compound matches by itself or by one of its parts, scored by the best of them. The page scores by
 * its better field. The same terms and weights score a page's lines for the quote.
 */
record SearchQuery(Query query, Map<String, Map<String, Float>> weights, LanguageAnalysis analysis) {

    private static final float PART_TIE_BREAKER = 0.1f;
    /**
     * Distinct words per language and glossary terms searched at most: a long description stays below Lucene's limit
     * of 1,024 clauses a query (the name and the description's beginning count, the rest adds little to the ranking).
     */
    static final int MAX_WORDS = 200;
    static final int MAX_EXPANSIONS = 64;
    private static final List<String> FIELDS = List.of(LanguageAnalysis.ENGLISH, LanguageAnalysis.GERMAN);

    static SearchQuery of(String text, List<Glossary.Expansion> expansions, LanguageAnalysis analysis) {
        Map<String, Map<String, Float>> weights = new HashMap<>();
        Map<String, BooleanQuery.Builder> byField = new HashMap<>();
        Map<String, Integer> clauses = new HashMap<>();
        for (String field : FIELDS) {
            BooleanQuery.Builder own = new BooleanQuery.Builder();
            Map<List<String>, Integer> words = new LinkedHashMap<>();
            analysis.positions(field, text, false).forEach(p -> words.merge(p, 1, Integer::sum));
            words.entrySet().stream().limit(MAX_WORDS).forEach(word -> {
                Query query = position(field, word.getKey());
                own.add(word.getValue() == 1 ? query : new BoostQuery(query, word.getValue()), Occur.SHOULD);
                clauses.merge(field, 1, Integer::sum);
                word.getKey().forEach(t -> weights.computeIfAbsent(field, f -> new HashMap<>())
                        .merge(t, 1f, Math::max));
            });
            byField.put(field, own);
        }
        for (Glossary.Expansion expansion : expansions.stream().limit(MAX_EXPANSIONS).toList()) {
            List<List<String>> positions = analysis.positions(expansion.field(), expansion.text(), false);
            if (positions.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (List<String> position : positions) {
                all.add(position(expansion.field(), position), Occur.MUST);
                position.forEach(t -> weights.computeIfAbsent(expansion.field(), f -> new HashMap<>())
                        .merge(t, expansion.boost(), Math::max));
            }
            byField.get(expansion.field()).add(new BoostQuery(all.build(), expansion.boost()), Occur.SHOULD);
            clauses.merge(expansion.field(), 1, Integer::sum);
        }
        List<Query> fields = FIELDS.stream().filter(f -> clauses.getOrDefault(f, 0) > 0)
                .map(f -> (Query) byField.get(f).build()).toList();
        Query query = fields.isEmpty() ? new MatchNoDocsQuery() : new DisjunctionMaxQuery(fields, 0f);
        return new SearchQuery(query, weights, analysis);
    }

    /**
     * One word of the query: its term, or for a German compound the compound or one of its parts, scored by the best
     * of them (a page that has the compound itself gains a little from its parts, not three times the word).
     */
    private static Query position(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.getFirst()));
        }
        return new DisjunctionMaxQuery(terms.stream().map(t -> (Query) new TermQuery(new Term(field, t))).toList(),
                PART_TIE_BREAKER);
    }

    /**
     * How well a line of a page in {@code language} answers the query: the sum over the distinct query terms in the
     * line of their weight times their rarity across the pages, in the better of the page's fields.
     */
    double score(String line, PageLanguage language, IndexReader reader) throws IOException {
        double best = 0;
        for (String field : FIELDS) {
            boolean indexed = field.equals(LanguageAnalysis.ENGLISH) ? language.english() : language.german();
            Map<String, Float> wanted = weights.get(field);
            if (!indexed || wanted == null) {
                continue;
            }
            double score = 0;
            int pages = reader.getDocCount(field);
            for (String term : analysis.terms(field, line)) {
                Float weight = wanted.get(term);
                if (weight != null) {
                    int df = reader.docFreq(new Term(field, term));
                    score += weight * Math.log(1 + (pages - df + 0.5) / (df + 0.5));
                }
            }
            best = Math.max(best, score);
        }
        return best;
    }
}
