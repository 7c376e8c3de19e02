package com.qteria.evaluation.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shipped bilingual glossary ({@code glossary-en-de.tsv}): concepts of certification documents, each with its
 * English and German terms ({@code declaration of conformity; DoC} — {@code Konformitätserklärung;
 * EU-Konformitätserklärung}). A query that contains a term (word by word after stemming, so {@code instructions for
 * use} matches {@code instruction for use}) is expanded by the concept's other terms: the same language's as
 * synonyms ({@link #SYNONYM}), the other language's as translations ({@link #TRANSLATION}). Both weigh less than the
 * query's own words, so that a page that says what the criterion says still ranks first.
 */
final class Glossary {

    static final float SYNONYM = 0.6f;
    static final float TRANSLATION = 0.7f;

    /** A term to search for as well, in a language's field, with its weight. */
    record Expansion(String field, String text, float boost) {
    }

    private record Term(int concept, String field, String text, List<String> words) {
    }

    private static final LanguageAnalysis MATCHING = new LanguageAnalysis(Set.of());
    private static final Glossary SHIPPED = load();

    private final List<List<Term>> concepts;
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();

    private Glossary(List<List<Term>> concepts) {
        this.concepts = concepts;
        concepts.forEach(c -> c.forEach(t -> byFirstWord.computeIfAbsent(t.field() + ":" + t.words().getFirst(),
                k -> new ArrayList<>()).add(t)));
    }

    static Glossary shipped() {
        return SHIPPED;
    }

    /** How many concepts the glossary has. */
    int size() {
        return concepts.size();
    }

    /** The terms to search for {@code query} as well, each once, in the order found. */
    List<Expansion> expand(String query) {
        Map<String, Expansion> expansions = new LinkedHashMap<>();
        for (String field : List.of(LanguageAnalysis.ENGLISH, LanguageAnalysis.GERMAN)) {
            List<String> words = MATCHING.positions(field, query, true).stream().map(List::getFirst).toList();
            Set<String> asked = Set.copyOf(words);
            for (int i = 0; i < words.size(); i++) {
                for (Term term : byFirstWord.getOrDefault(field + ":" + words.get(i), List.of())) {
                    if (occursAt(term.words(), words, i)) {
                        for (Term other : concepts.get(term.concept())) {
                            boolean same = other.field().equals(field);
                            if (!(same && asked.containsAll(other.words()))) {
                                expansions.putIfAbsent(other.field() + ":" + other.text(), new Expansion(other.field(),
                                        other.text(), same ? SYNONYM : TRANSLATION));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(expansions.values());
    }

    private static boolean occursAt(List<String> term, List<String> words, int at) {
        if (at + term.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < term.size(); i++) {
            if (!term.get(i).equals(words.get(at + i))) {
                return false;
            }
        }
        return true;
    }

    private static Glossary load() {
        List<List<Term>> concepts = new ArrayList<>();
        try (InputStream in = Glossary.class.getResourceAsStream("glossary-en-de.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                List<Term> concept = new ArrayList<>();
                add(concept, concepts.size(), LanguageAnalysis.ENGLISH, columns[0]);
                add(concept, concepts.size(), LanguageAnalysis.GERMAN, columns.length > 1 ? columns[1] : "");
                if (!concept.isEmpty()) {
                    concepts.add(List.copyOf(concept));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(List.copyOf(concepts));
    }

    private static void add(List<Term> concept, int index, String field, String terms) {
        for (String text : terms.split(";")) {
            List<String> words = MATCHING.positions(field, text.strip(), true).stream().map(List::getFirst).toList();
            if (!words.isEmpty()) {
                concept.add(new Term(index, field, text.strip(), words));
            }
        }
    }
}
