package com.qteria.evaluation.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageLanguageTests {

    @Test
    void proseIsEnglishOrGermanByItsFunctionWords() {
        assertThat(PageLanguage.of("The test item fulfils the requirements of the standard and is safe for use by "
                + "children in the home.")).isEqualTo(PageLanguage.ENGLISH);
        assertThat(PageLanguage.of("Der Prüfling erfüllt die Anforderungen der Norm und ist für die Verwendung im "
                + "Haushalt geeignet.")).isEqualTo(PageLanguage.GERMAN);
    }

    @Test
    void aGermanNameOnAnEnglishPageDoesNotMakeItGerman() {
        assertThat(PageLanguage.of("Signed for and on behalf of Müller Präzisionstechnik GmbH by the managing "
                + "director of the company, who is responsible for the declaration.")).isEqualTo(PageLanguage.ENGLISH);
    }

    @Test
    void tablesShortAndBilingualPagesAreUndecided() {
        assertThat(PageLanguage.of("Clause | Requirement | Result | Verdict\n5.1 | 230 V | 229.8 V | P\n"
                + "5.2 | 0.25 mA | 0.12 mA | P")).isEqualTo(PageLanguage.UNDECIDED);
        assertThat(PageLanguage.of("Prüfbericht Nr. 25-0413")).isEqualTo(PageLanguage.UNDECIDED);
        assertThat(PageLanguage.of("Messung\tMesswert\tGrenzwert\tErgebnis\nErdableitstrom\t180 µA\t5000 µA\t"
                + "bestanden\nBerührungsstrom\t12 µA\t100 µA\tbestanden")).isEqualTo(PageLanguage.UNDECIDED);
        assertThat(PageLanguage.of("The device must not be opened by the user. Das Gerät darf nicht vom Benutzer "
                + "geöffnet werden.")).isEqualTo(PageLanguage.UNDECIDED);
    }
}
