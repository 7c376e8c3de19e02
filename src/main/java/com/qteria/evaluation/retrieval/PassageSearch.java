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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Candidate passages for a criterion without checks when no AI decides: Lucene BM25 over the pages of the routed
 * documents, built in memory for each call (a few hundred pages index in milliseconds; nothing is kept).
 * <p>
 * Decision: each page is indexed twice, analysed as English and as German (stemming, stop words), and the query
 * searches both fields; the field of the documents' language scores, the other contributes little. This needs no
 * language guess, which is unreliable on short, table-heavy pages. The best page's quote is its best-matching line
 * or pair of lines (most distinct query terms, weighted by their rarity across the pages), cut from the stored text.
 */
public final class PassageSearch {

    private static final String ENGLISH = "en";
    private static final String GERMAN = "de";
    private static final int MAX_QUOTE = 300;

    private PassageSearch() {
    }

    /** The best {@code count} pages for the query, best first, each with its best passage as verified evidence. */
    public static List<Evidence> best(String query, List<EvaluatedDocument> documents, int count) {
        return search(documents, (searcher, english, german) -> {
            Query q = query(query, english, german);
            if (q == null) {
                return List.of();
            }
            List<Evidence> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(q, count).scoreDocs) {
                Document page = searcher.storedFields().document(hit.doc);
                EvaluatedDocument document = documents.get(page.getField("d").numericValue().intValue());
                int number = page.getField("p").numericValue().intValue();
                passage(document, number, new Terms(query, english, german, searcher.getIndexReader()))
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
        return search(documents, (searcher, english, german) -> {
            List<List<PageHit>> ranked = new ArrayList<>();
            for (String text : queries) {
                Query q = query(text, english, german);
                List<PageHit> hits = new ArrayList<>();
                if (q != null) {
                    for (ScoreDoc hit : searcher.search(q, count).scoreDocs) {
                        Document page = searcher.storedFields().document(hit.doc);
                        hits.add(new PageHit(page.getField("d").numericValue().intValue(),
                                page.getField("p").numericValue().intValue()));
                    }
                }
                ranked.add(hits);
            }
            return ranked;
        });
    }

    /** What is done with the pages' index. */
    private interface IndexWork<T> {
        T apply(IndexSearcher searcher, Analyzer english, Analyzer german) throws IOException;
    }

    /** Indexes the pages in memory, BM25, and hands the searcher to {@code work}; nothing is kept. */
    private static <T> T search(List<EvaluatedDocument> documents, IndexWork<T> work) {
        try (Analyzer english = new EnglishAnalyzer(); Analyzer german = new GermanAnalyzer();
                Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
                        Map.of(ENGLISH, english, GERMAN, german));
                ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            index(documents, analyzer, directory);
            try (IndexReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                return work.apply(searcher, english, german);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void index(List<EvaluatedDocument> documents, Analyzer analyzer, ByteBuffersDirectory directory)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int d = 0; d < documents.size(); d++) {
                List<String> pages = documents.get(d).pages();
                for (int p = 0; p < pages.size(); p++) {
                    String text = NormalizedText.of(pages.get(p), Form.PATTERNS).text();
                    Document page = new Document();
                    page.add(new StoredField("d", d));
                    page.add(new StoredField("p", p + 1));
                    page.add(new TextField(ENGLISH, text, Field.Store.NO));
                    page.add(new TextField(GERMAN, text, Field.Store.NO));
                    writer.addDocument(page);
                }
            }
        }
    }

    private static Query query(String text, Analyzer english, Analyzer german) {
        String normalized = NormalizedText.of(text, Form.PATTERNS).text();
        Query en = new QueryBuilder(english).createBooleanQuery(ENGLISH, normalized);
        Query de = new QueryBuilder(german).createBooleanQuery(GERMAN, normalized);
        if (en == null && de == null) {
            return null;
        }
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        if (en != null) {
            both.add(en, Occur.SHOULD);
        }
        if (de != null) {
            both.add(new BoostQuery(de, 0.8f), Occur.SHOULD);
        }
        return both.build();
    }

    /** The best line, or pair of lines, of the page; none when the page has no line with a letter or digit. */
    private static Optional<Evidence> passage(EvaluatedDocument document, int number, Terms terms) throws IOException {
        NormalizedText text = NormalizedText.of(document.page(number), Form.LINES);
        List<Span> lines = lines(text.text());
        Span best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lines.size(); i++) {
            for (int width = 1; width <= 2 && i + width <= lines.size(); width++) {
                Span window = new Span(lines.get(i).start(), lines.get(i + width - 1).end());
                double score = terms.score(text.text().substring(window.start(), window.end()))
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

    /** The query's analysed terms in both languages, with their rarity across the indexed pages. */
    private record Terms(Set<String> english, Set<String> german, Analyzer englishAnalyzer, Analyzer germanAnalyzer,
            IndexReader reader) {

        Terms(String query, Analyzer english, Analyzer german, IndexReader reader) throws IOException {
            this(new HashSet<>(tokens(english, ENGLISH, query)), new HashSet<>(tokens(german, GERMAN, query)),
                    english, german, reader);
        }

        double score(String passage) throws IOException {
            return Math.max(score(passage, englishAnalyzer, ENGLISH, english),
                    score(passage, germanAnalyzer, GERMAN, german));
        }

        private double score(String passage, Analyzer analyzer, String field, Set<String> wanted) throws IOException {
            double score = 0;
            for (String term : new HashSet<>(tokens(analyzer, field, passage))) {
                if (wanted.contains(term)) {
                    int df = reader.docFreq(new Term(field, term));
                    score += Math.log(1 + (reader.numDocs() - df + 0.5) / (df + 0.5));
                }
            }
            return score;
        }

        private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
            List<String> tokens = new ArrayList<>();
            try (TokenStream stream = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    tokens.add(term.toString());
                }
                stream.end();
            }
            return tokens;
        }
    }
}
