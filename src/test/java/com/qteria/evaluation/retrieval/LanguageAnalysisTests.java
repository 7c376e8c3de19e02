package com.qteria.evaluation.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageAnalysisTests {

    private final LanguageAnalysis analysis = new LanguageAnalysis(Set.of());

    @Test
    void germanCompoundsKeepTheWordAndGainTheirParts() {
        assertThat(analysis.terms("de", "Konformitätserklärung")).contains("konformitatserklarung", "konformitat",
                "erklarung");
        assertThat(analysis.terms("de", "Prüfbericht")).contains("prufbericht", "bericht");
        assertThat(analysis.terms("de", "Gebrauchsanweisung")).contains("gebrauchsanweisung", "gebrauch", "anweisung");
        assertThat(analysis.terms("de", "Risikobeurteilung")).contains("risikobeurteilung", "risiko", "beurteilung");
        assertThat(analysis.terms("de", "EU-Konformitätserklärung")).containsAll(
                analysis.terms("de", "Erklärung der Konformität"));
    }

    @Test
    void wordsOfTheSearchAreDictionaryWordsToo() {
        assertThat(analysis.terms("de", "Stromschlaggefahr")).doesNotContain("stromschlag");
        LanguageAnalysis knowing = new LanguageAnalysis(Set.of("stromschlag"));
        assertThat(knowing.terms("de", "Stromschlaggefahr")).contains("stromschlaggefahr", "stromschlag", "gefahr");
    }

    @Test
    void shortWordsDoNotSplitEverything() {
        assertThat(analysis.terms("de", "Konformität")).containsExactlyInAnyOrder("konformitat");
        assertThat(analysis.terms("de", "Wartung")).containsExactlyInAnyOrder("wartung");
    }

    @Test
    void bothLanguagesDropBothLanguagesStopWords() {
        assertThat(analysis.terms("en", "the device und das Gerät")).containsExactlyInAnyOrder("devic", "gerät");
        assertThat(analysis.terms("de", "the device und das Gerät")).containsExactlyInAnyOrder("devic", "gerat");
    }
}
