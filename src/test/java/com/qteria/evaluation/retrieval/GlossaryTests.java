package com.qteria.evaluation.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.retrieval.Glossary.Expansion;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryTests {

    private final Glossary glossary = Glossary.shipped();

    @Test
    void hasAFewHundredConcepts() {
        assertThat(glossary.size()).isGreaterThan(150);
    }

    @Test
    void englishTermsGainTheirGermanTranslationsAndSynonyms() {
        List<Expansion> expanded = glossary.expand("The EU declaration of conformity is signed.");
        assertThat(expanded).contains(new Expansion("de", "Konformitätserklärung", Glossary.TRANSLATION),
                new Expansion("de", "Unterschrift", Glossary.TRANSLATION),
                new Expansion("en", "signature", Glossary.SYNONYM));
        assertThat(expanded).extracting(Expansion::boost).allMatch(b -> b < 1f);
    }

    @Test
    void termsMatchWordByWordAfterStemming() {
        assertThat(glossary.expand("Instruction for use supplied")).contains(
                new Expansion("en", "user manual", Glossary.SYNONYM),
                new Expansion("de", "Gebrauchsanweisung", Glossary.TRANSLATION));
        assertThat(glossary.expand("Use supplied")).doesNotContain(
                new Expansion("en", "user manual", Glossary.SYNONYM));
    }

    @Test
    void germanTermsGainTheirEnglishTranslations() {
        assertThat(glossary.expand("Die Risikobeurteilung nennt die Restrisiken.")).contains(
                new Expansion("en", "risk assessment", Glossary.TRANSLATION),
                new Expansion("en", "residual risk", Glossary.TRANSLATION),
                new Expansion("de", "Risikoanalyse", Glossary.SYNONYM));
    }

    @Test
    void aTermTheQueryAlreadyHasIsNotAddedAgain() {
        assertThat(glossary.expand("risk assessment")).extracting(Expansion::text).doesNotContain("risk assessment");
    }
}
