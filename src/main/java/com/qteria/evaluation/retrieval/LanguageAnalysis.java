package com.qteria.evaluation.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How a text is analysed in each language, for one search. English: standard tokens, possessives dropped, lower case,
 * stop words, Porter stemming. German: standard tokens, lower case, stop words, decompounding, umlauts folded, light
 * stemming. Both drop the stop words of both languages, so that the words of the other language on a mixed page or in
 * a query do not become terms.
 * <p>
 * Decision (decompounding): Lucene's {@link DictionaryCompoundWordTokenFilter} emits, beside a German word, every
 * dictionary word found inside it ({@code Konformitätserklärung} → {@code konformität}, {@code erklärung}), at the same
 * position. The dictionary is a shipped list of the words certification documents compose ({@code german-words.txt})
 * plus, for each search, the longer words of the German pages and of the query's German side: a compound whose parts
 * are written on their own elsewhere (or asked for) is split, without a 100 000-word lexicon or a hyphenation grammar.
 * Parts shorter than {@value #MIN_PART} letters are never emitted, page words are taken from
 * {@value #MIN_PAGE_WORD} letters on, so that short words ({@code form} in {@code Konformität}) do not split
 * everything.
 */
final class LanguageAnalysis implements AutoCloseable {

    static final String ENGLISH = "en";
    static final String GERMAN = "de";
    static final int MIN_PART = 3;
    static final int MIN_PAGE_WORD = 7;
    static final int MIN_QUERY_WORD = 5;

    private static final int MIN_COMPOUND = 6;
    private static final int MAX_PART = 20;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final Set<String> SHIPPED_WORDS = shippedWords();

    private final Analyzer english;
    private final Analyzer german;
    private final Analyzer germanWhole;
    private final Analyzer byField;

    /** Analysers whose German decompounding also knows {@code words} (lower case; any length, see the constants). */
    LanguageAnalysis(Collection<String> words) {
        CharArraySet dictionary = new CharArraySet(SHIPPED_WORDS, false);
        dictionary.addAll(words);
        this.english = english();
        this.german = german(dictionary);
        this.germanWhole = german(null);
        this.byField = new PerFieldAnalyzerWrapper(english, Map.of(ENGLISH, english, GERMAN, german));
    }

    /** The words of {@code text} of at least {@code minLength} letters, lower case, stop words left out. */
    static Set<String> words(String text, int minLength, Set<String> into) {
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            if (words.end() - words.start() >= minLength) {
                String word = words.group().toLowerCase(Locale.ROOT);
                if (!STOP_WORDS.contains(word)) {
                    into.add(word);
                }
            }
        }
        return into;
    }

    /** The analyser that indexes each language's field. */
    Analyzer byField() {
        return byField;
    }

    /**
     * The terms of {@code text} in a language's field, by position: the word first, then the parts a German compound
     * has (unless {@code whole}, which keeps words whole, for matching glossary terms word by word).
     */
    List<List<String>> positions(String field, String text, boolean whole) {
        Analyzer analyzer = field.equals(ENGLISH) ? english : whole ? germanWhole : german;
        List<List<String>> positions = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || positions.isEmpty()) {
                    positions.add(new ArrayList<>(2));
                }
                List<String> at = positions.getLast();
                if (!at.contains(term.toString())) {
                    at.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return positions;
    }

    /** Every term of {@code text} in a language's field, compound parts included, each once. */
    Set<String> terms(String field, String text) {
        Set<String> terms = new HashSet<>();
        positions(field, text, false).forEach(terms::addAll);
        return terms;
    }

    @Override
    public void close() {
        english.close();
        german.close();
        germanWhole.close();
        byField.close();
    }

    private static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, STOP_WORDS);
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
        };
    }

    private static Analyzer german(CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, STOP_WORDS);
                if (dictionary != null) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, dictionary, MIN_COMPOUND, MIN_PART,
                            MAX_PART, false);
                }
                stream = new GermanNormalizationFilter(stream);
                return new TokenStreamComponents(source, new GermanLightStemFilter(stream));
            }
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(GermanAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(stop);
    }

    private static Set<String> shippedWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = LanguageAnalysis.class.getResourceAsStream("german-words.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .filter(l -> l.length() >= MIN_PART).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
