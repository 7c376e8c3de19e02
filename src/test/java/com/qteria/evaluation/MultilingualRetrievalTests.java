package com.qteria.evaluation;

import static com.qteria.evaluation.Documents.assertExact;
import static com.qteria.evaluation.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.workflow.Criterion;
import com.qteria.workflow.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Criteria without checks, without AI: the page that answers is among the three passages when it answers in German,
 * in other words, or with a compound, and an exact English answer still comes first. Through the module's entry point,
 * without Spring.
 */
class MultilingualRetrievalTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);

    private final Evaluation evaluation = new Evaluation();

    /** An English test report whose pages share the criteria's everyday words but answer none of them. */
    private final EvaluatedDocument report = document("test-report.pdf", "reports",
            "Test report No. 25-0412\nThe product was tested for use in residential areas.\n"
                    + "The manufacturer supplied two samples of the product for testing.",
            "Clause 5 Marking and instructions\nThe product is supplied with a power cord and a wall bracket.\n"
                    + "The rating label is fixed on the rear panel of the product.",
            "Clause 8 Protection against electric shock\nAccessible parts were probed with the test finger.\n"
                    + "Verdict: the product fulfils the requirements of this clause.",
            "Signatures\nTested by: Jan Petersen, test engineer. Reviewed by: Dr. Anna Keller.\n"
                    + "The report is signed by the laboratory and may only be copied in full.");

    private final EvaluatedDocument germanManual = document("betriebsanleitung.pdf", "manual",
            "Inhaltsverzeichnis\n1 Lieferumfang\n2 Sicherheitshinweise\n3 Reinigung und Pflege\n4 Entsorgung",
            "2 Sicherheitshinweise\nWARNUNG: Stromschlaggefahr! Das Gehäuse darf nicht geöffnet werden. "
                    + "Ziehen Sie vor der Reinigung den Netzstecker.\n"
                    + "VORSICHT: Heiße Oberfläche. Lassen Sie das Gerät vor dem Berühren abkühlen.",
            "3 Reinigung und Pflege\nReinigen Sie das Gerät nur mit einem trockenen Tuch. "
                    + "Verwenden Sie keine Lösungsmittel und tauchen Sie das Gerät nicht in Wasser.",
            "4 Entsorgung\nDas Gerät darf nicht mit dem Hausmüll entsorgt werden. Geben Sie es bei einer "
                    + "Sammelstelle für Elektroaltgeräte ab.");

    @Test
    void aGermanPageAnswersAnEnglishCriterion() {
        Finding finding = retrieve("Manual warns of electric shock",
                "The instructions for use contain a warning about the hazard of electric shock and say how to "
                        + "avoid it.", report, germanManual);
        assertAmongPassages(finding, "betriebsanleitung.pdf", 2);
        Evidence german = finding.evidence().stream().filter(e -> e.documentName().equals("betriebsanleitung.pdf"))
                .findFirst().orElseThrow();
        assertThat(german.quote()).contains("WARNUNG: Stromschlaggefahr");
        assertExact(finding.evidence(), List.of(report, germanManual));
    }

    @Test
    void aParaphraseAnswers() {
        EvaluatedDocument manual = document("manual.pdf", "manual",
                "User manual\nRead this user manual completely before first operation.\n"
                        + "Keep this guide with the device and pass it on to any later owner.",
                "Technical data\nRated voltage 230 V, 50 Hz\nRated power 1200 W\nProtection class I");
        Finding finding = retrieve("Instructions for use supplied",
                "Instructions for use are supplied with the product.", report, manual);
        assertAmongPassages(finding, "manual.pdf", 1);
    }

    @Test
    void aGermanCompoundAnswersAnEnglishCriterion() {
        EvaluatedDocument declaration = document("erklaerung.pdf", "declaration",
                "EU-Konformitätserklärung\nHersteller: Nordlicht GmbH, Hafenstraße 12, 20457 Hamburg\n"
                        + "Produkt: Tischleuchte NV-8240\nDas oben beschriebene Produkt erfüllt die Anforderungen der "
                        + "Richtlinie 2014/35/EU.",
                "Angewandte Normen: EN IEC 62368-1:2020\nHamburg, 12.03.2025\nUnterschrift: Jan Petersen, "
                        + "Geschäftsführer");
        Finding finding = retrieve("Declaration of conformity",
                "A declaration of conformity of the manufacturer is part of the package.", report, germanManual,
                declaration);
        assertAmongPassages(finding, "erklaerung.pdf", 1);
        assertThat(finding.evidence().getFirst().documentName()).isEqualTo("erklaerung.pdf");
        assertThat(finding.evidence().getFirst().quote()).contains("EU-Konformitätserklärung");
    }

    @Test
    void anExactEnglishAnswerStillComesFirst() {
        EvaluatedDocument german = document("pruefbericht.pdf", "reports",
                "Prüfbericht Nr. 25-0413\nGesamturteil: bestanden. Der Prüfling erfüllt die Anforderungen der Norm.");
        EvaluatedDocument english = document("summary.pdf", "reports",
                "Summary of testing\nOverall verdict: PASS. The test item fulfils the requirements of the standard.");
        Finding finding = retrieve("Overall verdict is pass", "The report states an overall pass verdict.", german,
                report, english);
        assertThat(finding.evidence().getFirst().documentName()).isEqualTo("summary.pdf");
        assertThat(finding.evidence().getFirst().quote()).contains("Overall verdict: PASS");
        assertAmongPassages(finding, "pruefbericht.pdf", 1);
    }

    @Test
    void aMixedLanguageDocumentIsSearchedPageByPageInEachLanguage() {
        EvaluatedDocument mixed = document("manual-en-de.pdf", "manual",
                "User manual / Bedienungsanleitung\nEnglish: pages 2 and 3. Deutsch: Seiten 4 und 5.",
                "Cleaning\nUnplug the device before cleaning. Wipe it with a dry cloth only and never immerse it "
                        + "in water.",
                "Disposal\nDo not dispose of the device with household waste. Take it to a collection point for "
                        + "electrical equipment.",
                "Reinigung\nZiehen Sie vor der Reinigung den Netzstecker. Wischen Sie das Gerät nur mit einem "
                        + "trockenen Tuch ab.",
                "Sicherheitshinweise\nWARNUNG: Stromschlaggefahr! Öffnen Sie niemals das Gehäuse. Die Wartung ist "
                        + "nur durch eine Fachkraft zulässig.");
        Finding cleaning = retrieve("Cleaning instructions", "The manual says how the device is cleaned.", report,
                mixed);
        assertThat(cleaning.evidence()).extracting(Evidence::page).contains(2, 4);
        Finding shock = retrieve("Warning of electric shock", "The manual warns of the hazard of electric shock.",
                report, mixed);
        assertAmongPassages(shock, "manual-en-de.pdf", 5);
    }

    @Test
    void aGermanCriterionFindsAnEnglishPage() {
        EvaluatedDocument manual = document("manual.pdf", "manual",
                "Contents\n1 Safety instructions\n2 Cleaning\n3 Disposal",
                "1 Safety instructions\nWARNING: Risk of electric shock. Do not open the enclosure.");
        Finding finding = retrieve("Warnhinweise", "Die Gebrauchsanweisung warnt vor elektrischem Schlag.", report,
                germanManual, manual);
        assertAmongPassages(finding, "manual.pdf", 2);
        assertAmongPassages(finding, "betriebsanleitung.pdf", 2);
    }

    @Test
    void aGermanTableAnswersAnEnglishCriterion() {
        EvaluatedDocument pruefbericht = document("pruefbericht.pdf", "reports",
                "Prüfbericht Nr. 25-0413\nDer Prüfling wurde nach IEC 60601-1 geprüft. Die Prüfungen fanden im Labor "
                        + "Erlangen statt und wurden vom Prüfer dokumentiert.",
                "Messung\tMesswert\tGrenzwert\tErgebnis\nErdableitstrom\t180 µA\t5000 µA\tbestanden\n"
                        + "Berührungsstrom\t12 µA\t100 µA\tbestanden",
                "Die Spannungsfestigkeit wurde mit 4000 V geprüft. Es trat kein Durchschlag auf. Die Kriechstrecken "
                        + "und Luftstrecken sind ausreichend bemessen.",
                "Die Temperaturen der berührbaren Teile blieben unter den Grenzwerten. Der Prüfling erfüllt die "
                        + "Anforderungen der Norm.");
        Finding finding = retrieve("Leakage currents measured",
                "The test report records the measured earth leakage and touch currents with their limits.",
                pruefbericht);
        assertAmongPassages(finding, "pruefbericht.pdf", 2);
        assertThat(finding.evidence().getFirst().page()).isEqualTo(2);
        assertThat(finding.evidence().getFirst().quote()).contains("Erdableitstrom");
    }

    @Test
    void aLongDescriptionStaysWithinLuceneLimits() {
        StringBuilder description = new StringBuilder("The instructions for use warn of electric shock.");
        for (int i = 0; i < 700; i++) {
            description.append(" Requirement").append(i).append(" of the declaration of conformity, risk assessment "
                    + "and test report is met.");
        }
        Finding finding = retrieve("Manual warns of electric shock", description.toString(), report, germanManual);
        assertThat(finding.evidence()).isNotEmpty();
    }

    private Finding retrieve(String name, String description, EvaluatedDocument... documents) {
        Criterion criterion = new Criterion(UUID.randomUUID(), "c", name, description, List.of("*"),
                Severity.REQUIRED, 0, List.of());
        Finding finding = evaluation.evaluate(criterion, List.of(documents), AS_OF);
        assertThat(finding.source()).isEqualTo(Source.RETRIEVAL);
        assertThat(finding.evidence()).hasSizeLessThanOrEqualTo(Evaluation.PASSAGES);
        assertExact(finding.evidence(), List.of(documents));
        return finding;
    }

    private static void assertAmongPassages(Finding finding, String document, int page) {
        assertThat(finding.evidence()).as("passages").extracting(e -> e.documentName() + " p" + e.page())
                .contains(document + " p" + page);
    }
}
