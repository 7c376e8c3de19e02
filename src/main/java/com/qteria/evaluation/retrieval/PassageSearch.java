package com.qteria.evaluation.retrieval;

import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Candidate passages for a criterion without checks when no AI decides: Lucene BM25 over the pages of the routed
 * documents, built in memory for each call (a few hundred pages index in milliseconds; nothing is kept).
 * <p>
 * Decisions:
 * <ul>
 * <li>Each page is analysed in its language ({@link PageLanguage}: English or German by its function words), in that
 *     language's field; a page whose language is undecided (a table, a cover page, a bilingual page) is indexed in
 *     both. German words are decompounded ({@link LanguageAnalysis}).</li>
 * <li>The query (the criterion's name and description) is searched in both fields, each analysed in that field's
 *     language, together with the {@link Glossary} terms it contains in the other language (translations) and the
 *     same language (synonyms), which weigh less than its own words. A page scores by its better field
 *     (a disjunction-max), so a page indexed in both languages gains nothing from it.</li>
 * <li>The quote is the page's best-matching line or pair of lines, analysed in the page's language: the most distinct
 *     query terms, weighted by their rarity across the pages and their weight in the query, cut from the stored
 *     text.</li>
 * </ul>
 */
public final class PassageSearch {

    private static final String ENGLISH = LanguageAnalysis.ENGLISH;
    private static final String GERMAN = LanguageAnalysis.GERMAN;
    private static final int MAX_QUOTE = 300;

    private PassageSearch() {
    }

    /** The best {@code count} pages for the query, best first, each with its best passage as verified evidence. */
    public static List<Evidence> best(String query, List<EvaluatedDocument> documents, int count) {
        return search(List.of(query), documents, (searcher, queries) -> {
            SearchQuery q = queries.getFirst();
            List<Evidence> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(q.query(), count).scoreDocs) {
                Document page = searcher.storedFields().document(hit.doc);
                EvaluatedDocument document = documents.get(page.getField("d").numericValue().intValue());
                int number = page.getField("p").numericValue().intValue();
                PageLanguage language = PageLanguage.values()[page.getField("l").numericValue().intValue()];
                passage(document, number, line -> q.score(line, language, searcher.getIndexReader()))
                        .ifPresent(found::add);
            }
            return found;
        });
    }

    /** A page of one of the searched documents: {@code document} indexes the list searched, {@code page} is 1-based. */
    public record PageHit(int document, int page) {
    }

    /**
     * For each query, the best {@code count} pages, best first: one index for all queries, so choosing the pages a
     * batch of criteria needs costs one indexing pass.
     */
    public static List<List<PageHit>> rank(List<String> queries, List<EvaluatedDocument> documents, int count) {
        return search(queries, documents, (searcher, built) -> {
            List<List<PageHit>> ranked = new ArrayList<>();
            for (SearchQuery q : built) {
                List<PageHit> hits = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(q.query(), count).scoreDocs) {
                    Document page = searcher.storedFields().document(hit.doc);
                    hits.add(new PageHit(page.getField("d").numericValue().intValue(),
                            page.getField("p").numericValue().intValue()));
                }
                ranked.add(hits);
            }
            return ranked;
        });
    }

    /** What is done with the pages' index and the queries built for it. */
    private interface IndexWork<T> {
        T apply(IndexSearcher searcher, List<SearchQuery> queries) throws IOException;
    }

    /** A page's normalised text and language. */
    private record Page(int document, int number, String text, PageLanguage language) {
    }

    /**
     * Guesses each page's language, builds the analysers (decompounding knows the German pages' and the queries'
     * words), indexes the pages in memory, BM25, and hands the searcher and the queries to {@code work}; nothing is
     * kept.
     */
    private static <T> T search(List<String> texts, List<EvaluatedDocument> documents, IndexWork<T> work) {
        List<Page> pages = new ArrayList<>();
        Set<String> words = new HashSet<>();
        for (int d = 0; d < documents.size(); d++) {
            List<String> stored = documents.get(d).pages();
            for (int p = 0; p < stored.size(); p++) {
                String text = NormalizedText.of(stored.get(p), Form.PATTERNS).text();
                PageLanguage language = PageLanguage.of(text);
                pages.add(new Page(d, p + 1, text, language));
                if (language.german()) {
                    LanguageAnalysis.words(text, LanguageAnalysis.MIN_PAGE_WORD, words);
                }
            }
        }
        List<String> normalized = texts.stream().map(t -> NormalizedText.of(t, Form.PATTERNS).text()).toList();
        List<List<Glossary.Expansion>> expansions = new ArrayList<>();
        for (String text : normalized) {
            List<Glossary.Expansion> expanded = Glossary.shipped().expand(text);
            expansions.add(expanded);
            LanguageAnalysis.words(text, LanguageAnalysis.MIN_QUERY_WORD, words);
            expanded.stream().filter(e -> e.field().equals(GERMAN))
                    .forEach(e -> LanguageAnalysis.words(e.text(), LanguageAnalysis.MIN_PART + 1, words));
        }
        try (LanguageAnalysis analysis = new LanguageAnalysis(words);
                ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(pages, analysis, directory);
            List<SearchQuery> queries = new ArrayList<>();
            for (int i = 0; i < normalized.size(); i++) {
                queries.add(SearchQuery.of(normalized.get(i), expansions.get(i), analysis));
            }
            try (IndexReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                return work.apply(searcher, queries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void index(List<Page> pages, LanguageAnalysis analysis, ByteBuffersDirectory directory)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analysis.byField()).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Page page : pages) {
                Document document = new Document();
                document.add(new StoredField("d", page.document()));
                document.add(new StoredField("p", page.number()));
                document.add(new StoredField("l", page.language().ordinal()));
                if (page.language().english()) {
                    document.add(new TextField(ENGLISH, page.text(), Field.Store.NO));
                }
                if (page.language().german()) {
                    document.add(new TextField(GERMAN, page.text(), Field.Store.NO));
                }
                writer.addDocument(document);
            }
        }
    }

    /** How a line of a page scores for the query. */
    private interface LineScore {
        double score(String line) throws IOException;
    }

    /** The best line, or pair of lines, of the page; none when the page has no line with a letter or digit. */
    private static Optional<Evidence> passage(EvaluatedDocument document, int number, LineScore lineScore)
            throws IOException {
        NormalizedText text = NormalizedText.of(document.page(number), Form.LINES);
        List<Span> lines = lines(text.text());
        Span best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            for (int width = 1; width <= 2 && i + width <= lines.size(); width++) {
                Span window = new Span(lines.get(i).start(), lines.get(i + width - 1).end());
                double score = lineScore.score(text.text().substring(window.start(), window.end()))
                        - 0.002 * window.length();
                if (score > bestScore) {
                    bestScore = score;
                    best = window;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Span original = text.toOriginal(best.start(), best.end());
        return Optional.of(Evidence.located(document, number, original.start(), cut(document.page(number), original)));
    }

    private static List<Span> lines(String text) {
        List<Span> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit)) {
                lines.add(new Span(start, end));
            }
            start = end + 1;
        }
        return lines;
    }

    /** The end of the quote: at most {@value #MAX_QUOTE} characters, cut at a space. */
    private static int cut(String page, Span span) {
        if (span.length() <= MAX_QUOTE) {
            return span.end();
        }
        int space = page.lastIndexOf(' ', span.start() + MAX_QUOTE);
        int end = space > span.start() + MAX_QUOTE / 2 ? space : span.start() + MAX_QUOTE;
        return Character.isLowSurrogate(page.charAt(end)) ? end + 1 : end;
    }
}
