package com.qteria.evaluation.retrieval;

import java.util.Locale;
import java.util.Set;

/**
 * The language a page is analysed in, guessed from its function words: the share of German among the English and
 * German function words of the page ({@code the, and, of…} against {@code der, und, nicht…}), with every word spelled
 * with ä, ö, ü or ß counted as German too. At least {@value #MIN_EVIDENCE} such words and a share of at least
 * {@value #DECIDED} for one language decide; anything less (a table, a cover page, a bilingual page) stays
 * {@link #UNDECIDED} and is analysed both ways, which is what every page was before the guess.
 * <p>
 * Decision: function words rather than a character n-gram model: they are what distinguishes these two languages
 * best in few words, a reviewer can check the guess by counting, and the lists are a few dozen words instead of a
 * language-detection library. Words that are common in both languages ({@code in, an, was, will, also}) count for
 * neither.
 */
enum PageLanguage {

    ENGLISH, GERMAN, UNDECIDED;

    static final int MIN_EVIDENCE = 6;
    static final double DECIDED = 0.8;

    private static final String GERMAN_LETTERS = "äöüßÄÖÜ";
    private static final int LONGEST_WORD = 7;
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "is", "are", "for", "with",
            "that", "this", "be", "by", "on", "as", "or", "it", "its", "from", "shall", "has", "have", "been", "were",
            "at", "which", "these", "those", "must", "should", "not", "no", "any", "each", "other", "into", "their",
            "they", "than", "such", "there", "if", "when", "where", "before", "after", "under", "our", "your", "you",
            "a", "all", "can", "may", "only");
    private static final Set<String> GERMAN_WORDS = Set.of("der", "die", "das", "und", "ist", "sind", "nicht", "mit",
            "von", "vom", "den", "dem", "des", "für", "auf", "im", "ein", "eine", "einer", "eines", "einem", "einen",
            "zu", "zur", "zum", "sich", "wird", "werden", "wurde", "wurden", "auch", "bei", "nach", "aus", "oder",
            "als", "wie", "durch", "über", "unter", "dass", "muss", "müssen", "kann", "können", "diese", "dieser",
            "dieses", "alle", "keine", "kein", "gemäß", "sowie", "nur", "vor", "sie", "ihre", "wenn", "bzw",
            "darf", "dürfen", "sollte", "soll", "am", "beim", "ob");

    /** The language of {@code text}, or {@link #UNDECIDED}. */
    static PageLanguage of(String text) {
        int english = 0;
        int german = 0;
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean germanLetter = false;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                germanLetter |= GERMAN_LETTERS.indexOf(text.charAt(i)) >= 0;
                i++;
            }
            if (germanLetter) {
                german++;
            } else if (i - start <= LONGEST_WORD) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                english += ENGLISH_WORDS.contains(word) ? 1 : 0;
                german += GERMAN_WORDS.contains(word) ? 1 : 0;
            }
        }
        int evidence = english + german;
        if (evidence < MIN_EVIDENCE) {
            return UNDECIDED;
        }
        double germanShare = (double) german / evidence;
        return germanShare >= DECIDED ? GERMAN : germanShare <= 1 - DECIDED ? ENGLISH : UNDECIDED;
    }

    boolean english() {
        return this != GERMAN;
    }

    boolean german() {
        return this != ENGLISH;
    }
}
