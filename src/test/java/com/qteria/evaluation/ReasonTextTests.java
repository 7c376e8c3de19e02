package com.qteria.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.Reason.Doubt;
import com.qteria.evaluation.Reason.Place;
import com.qteria.evaluation.Reason.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of reason as a sentence in English and in German, buckets by name. */
class ReasonTextTests {

    static final ReasonText TEXT = ReasonText.standalone();
    static final Function<String, String> NAMES = key -> Map.of("risk_assessment", "Risk assessment",
            "test_reports", "Test reports").getOrDefault(key, key);

    record Said(Reason reason, String english, String german) {
    }

    static final List<Said> SAID = List.of(
            new Said(new Reason.NoDocumentInBuckets(List.of("risk_assessment")),
                    "No document was given in Risk assessment.", "In Risk assessment wurde kein Dokument abgegeben."),
            new Said(new Reason.NoDocumentInBuckets(List.of()), "The criterion applies to no document bucket.",
                    "Das Kriterium gilt für keine Dokumentenablage."),
            new Said(new Reason.NoDocumentInBuckets(List.of("*")), "No document was given.",
                    "Es wurde kein Dokument abgegeben."),
            new Said(new Reason.NotApplicable(List.of("risk_assessment")),
                    "Not applicable \u2014 no document in Risk assessment.",
                    "Nicht anwendbar \u2014 kein Dokument in Risk assessment."),
            new Said(new Reason.RetrievalOnly(3), "No check and no AI decides this criterion: the 3 passages that "
                    + "match it best are shown for a reviewer to judge.", "Weder eine Prüfregel noch die KI entscheidet "
                    + "dieses Kriterium: Die 3 am besten passenden Textstellen werden zur Beurteilung angezeigt."),
            new Said(new Reason.RetrievalOnly(1), "No check and no AI decides this criterion: the passage that "
                    + "matches it best is shown for a reviewer to judge.", "Weder eine Prüfregel noch die KI entscheidet "
                    + "dieses Kriterium: Die am besten passende Textstelle wird zur Beurteilung angezeigt."),
            new Said(new Reason.RetrievalOnly(0), "No check and no AI decides this criterion, and no passage of the "
                    + "documents matches it: a reviewer must read them.", "Weder eine Prüfregel noch die KI "
                    + "entscheidet dieses Kriterium, und keine Textstelle der Dokumente passt dazu: Jemand muss die "
                    + "Dokumente lesen."),
            new Said(new Reason.Unreadable("manual.pdf", "The file is encrypted."),
                    "manual.pdf could not be read: The file is encrypted.",
                    "manual.pdf konnte nicht gelesen werden: The file is encrypted."),
            new Said(new Reason.UnreadPages("scan.pdf", List.of(2, 3)), "The content of pages 2, 3 of scan.pdf could "
                    + "not be read (no text layer, and OCR was not available).", "Der Inhalt von Seiten 2, 3 in "
                    + "scan.pdf konnte nicht gelesen werden (keine Textebene, und OCR war nicht verfügbar)."),
            new Said(new Reason.AiUnavailable("OVERLOADED"), "The AI provider did not answer in time (overloaded). "
                    + "This criterion was not judged by the AI; run the assessment again later, or review the passages "
                    + "shown.", "Der KI-Anbieter hat nicht rechtzeitig geantwortet (überlastet). Die KI hat dieses "
                    + "Kriterium nicht beurteilt; starten Sie die Prüfung später erneut, oder beurteilen Sie die "
                    + "angezeigten Textstellen."),
            new Said(new Reason.AiUnanswered(), "The AI\u2019s answer for this criterion was malformed or missing, "
                    + "also after a request to repair it: a reviewer must judge it. The passages that match it best "
                    + "are shown.", "Die Antwort der KI zu diesem Kriterium war fehlerhaft oder fehlte, auch nach der "
                    + "Bitte um Korrektur: Jemand muss es beurteilen. Die am besten passenden Textstellen werden "
                    + "angezeigt."),
            new Said(new Reason.ModelText("The manual covers safe use."), "The manual covers safe use.",
                    "The manual covers safe use."),
            new Said(new Reason.AiAbsent("No risk analysis."), "Not found in the documents: No risk analysis.",
                    "In den Dokumenten nicht gefunden: No risk analysis."),
            new Said(new Reason.AiDoubt(Doubt.UNVERIFIED_QUOTES, 1, 2, "pass", "high", "Because."),
                    "Quotes of the AI were not found on the page cited (1 of 2), so its answer cannot be relied on. "
                            + "The AI answered pass (high confidence): Because.",
                    "Zitate der KI stehen nicht auf der angegebenen Seite (1 von 2); auf ihre Antwort ist daher kein "
                            + "Verlass. Antwort der KI: erfüllt (Sicherheit hoch): Because."),
            new Said(new Reason.AiDoubt(Doubt.UNDECIDED, 0, 0, "uncertain", "low", "Unclear."),
                    "The AI could not decide. The AI answered uncertain (low confidence): Unclear.",
                    "Die KI konnte nicht entscheiden. Antwort der KI: unsicher (Sicherheit niedrig): Unclear."),
            new Said(new Reason.CheckIncomplete("date_not_older"), "The date check names no label or no number of "
                    + "months.", "Die Datumsregel nennt keine Bezeichnung oder keine Anzahl Monate."),
            new Said(new Reason.CheckIncomplete("min_pages"), "The page count check names no number of pages.",
                    "Die Seitenregel nennt keine Anzahl Seiten."),
            new Said(new Reason.PhrasesFound(List.of("IEC 62368-1"), "report.pdf", List.of(1)),
                    "\u201cIEC 62368-1\u201d found in report.pdf (page 1).",
                    "\u201eIEC 62368-1\u201c in report.pdf gefunden (Seite 1)."),
            new Said(new Reason.PhrasesMissing(List.of("A", "B"), false, "r.pdf", List.of(3)),
                    "\u201cA\u201d, \u201cB\u201d not found in r.pdf. Page 3 has no readable text.",
                    "\u201eA\u201c, \u201eB\u201c in r.pdf nicht gefunden. Seite 3 hat keinen lesbaren Text."),
            new Said(new Reason.PhrasesMissing(List.of("A", "B"), true, "r.pdf", List.of()),
                    "None of \u201cA\u201d, \u201cB\u201d found in r.pdf.",
                    "Keiner der Begriffe \u201eA\u201c, \u201eB\u201c in r.pdf gefunden."),
            new Said(new Reason.ForbiddenPhrase("draft", "um.pdf", 1), "\u201cdraft\u201d found on page 1 of um.pdf.",
                    "\u201edraft\u201c auf Seite 1 von um.pdf gefunden."),
            new Said(new Reason.PhrasesAbsent(List.of("draft"), List.of("a.pdf", "b.pdf")),
                    "None of \u201cdraft\u201d found in a.pdf, b.pdf.",
                    "Keiner der Begriffe \u201edraft\u201c in a.pdf, b.pdf gefunden."),
            new Said(new Reason.PhrasesMaybeUnread(List.of("draft"), "scan.pdf", List.of(2, 4)),
                    "None of \u201cdraft\u201d found in the text of scan.pdf that could be read, but not all of it "
                            + "could be read. Pages 2, 4 have no readable text.",
                    "Keiner der Begriffe \u201edraft\u201c im lesbaren Text von scan.pdf gefunden, doch nicht alles "
                            + "war lesbar. Seiten 2, 4 haben keinen lesbaren Text."),
            new Said(new Reason.PatternMatched("CB-\\d+", 2, "r.pdf", List.of(1, 3)),
                    "The pattern CB-\\d+ matched 2 times in r.pdf (pages 1, 3).",
                    "Das Muster CB-\\d+ kommt in r.pdf 2-mal vor (Seiten 1, 3)."),
            new Said(new Reason.PatternMatched("X{2}", 1, "r.pdf", List.of(1)),
                    "The pattern X{2} matched once in r.pdf (page 1).",
                    "Das Muster X{2} kommt in r.pdf einmal vor (Seite 1)."),
            new Said(new Reason.PatternTooRare("X", 1, 2, "r.pdf", List.of()),
                    "The pattern X matched once in r.pdf, fewer than the 2 times needed.",
                    "Das Muster X kommt in r.pdf einmal vor, weniger als die geforderten 2-mal."),
            new Said(new Reason.EvaluationStopped("StackOverflowError"), "An internal error (StackOverflowError) "
                    + "stopped the evaluation of this criterion, so it was not decided: a reviewer must judge it. "
                    + "Running the assessment again evaluates it again.", "Ein interner Fehler (StackOverflowError) "
                    + "hat die Bewertung dieses Kriteriums abgebrochen, es wurde daher nicht entschieden: Jemand muss "
                    + "es beurteilen. Eine erneute Prüfung bewertet es noch einmal."),
            new Said(new Reason.PatternTooRare("X", 0, 1, "r.pdf", List.of(2)),
                    "The pattern X matched nowhere in r.pdf. Page 2 has no readable text.",
                    "Das Muster X kommt in r.pdf nicht vor. Seite 2 hat keinen lesbaren Text."),
            new Said(new Reason.InvalidPattern("(", "missing )"), "The pattern ( is not valid: missing )",
                    "Das Muster ( ist ungültig: missing )"),
            new Said(new Reason.PatternTimedOut("X", "a.pdf"), "The pattern X took too long on a.pdf and was stopped.",
                    "Das Muster X brauchte in a.pdf zu lange und wurde abgebrochen."),
            new Said(new Reason.PatternTooDeep("X", "a.pdf"), "The pattern X searched too deeply on a.pdf and was"
                    + " stopped; a repeated group that a back-reference such as \\1 refers to often causes this.",
                    "Das Muster X suchte in a.pdf zu tief und wurde abgebrochen; oft liegt das an einer wiederholten"
                    + " Gruppe, auf die eine Rückreferenz wie \\1 verweist."),
            new Said(new Reason.NoCaptureGroup("X"), "The pattern X has no capture group.",
                    "Das Muster X hat keine Erfassungsgruppe."),
            new Said(new Reason.NoValue("tr.pdf", List.of()), "No value found in tr.pdf.",
                    "In tr.pdf wurde kein Wert gefunden."),
            new Said(new Reason.SameValue(new Value("NV-1", List.of(new Place("a.pdf", 1), new Place("b.pdf", 2)))),
                    "The same value everywhere: \u201cNV-1\u201d in a.pdf page 1, b.pdf page 2.",
                    "Überall derselbe Wert: \u201eNV-1\u201c in a.pdf Seite 1, b.pdf Seite 2."),
            new Said(new Reason.DifferentValues(List.of(new Value("A", List.of(new Place("a.pdf", 1))),
                    new Value("B", List.of(new Place("b.pdf", 1))))),
                    "Different values: \u201cA\u201d in a.pdf page 1; \u201cB\u201d in b.pdf page 1.",
                    "Unterschiedliche Werte: \u201eA\u201c in a.pdf Seite 1; \u201eB\u201c in b.pdf Seite 1."),
            new Said(new Reason.ValuesFound(List.of(new Value("A", List.of(new Place("a.pdf", 1))))),
                    "Found: \u201cA\u201d in a.pdf page 1.", "Gefunden: \u201eA\u201c in a.pdf Seite 1."),
            new Said(new Reason.NothingToCompare(List.of("test_reports")),
                    "Nothing to compare with: no document in Test reports.",
                    "Nichts zum Vergleichen: kein Dokument in Test reports."),
            new Said(new Reason.DateMissing(List.of("Date of issue"), "f.pdf", "Date of issue", 1, List.of()),
                    "No date near \u201cDate of issue\u201d in f.pdf: \u201cDate of issue\u201d is on page 1 without "
                            + "a date after it.",
                    "Kein Datum neben \u201eDate of issue\u201c in f.pdf: \u201eDate of issue\u201c steht auf Seite 1 "
                            + "ohne folgendes Datum."),
            new Said(new Reason.DateMissing(List.of("Revision date"), "d.pdf", null, 0, List.of()),
                    "No date near \u201cRevision date\u201d in d.pdf: none of the labels occurs.",
                    "Kein Datum neben \u201eRevision date\u201c in d.pdf: Keine der Bezeichnungen kommt vor."),
            new Said(new Reason.DateRecent(List.of("Date of issue"), "2025-02-27", "27 February 2025", 1, "report.pdf",
                    "2023-06-16"),
                    "The date near \u201cDate of issue\u201d in report.pdf is 2025-02-27 (\u201c27 February 2025\u201d, "
                            + "page 1), on or after 2023-06-16.",
                    "Das Datum neben \u201eDate of issue\u201c in report.pdf ist der 2025-02-27 (\u201e27 February "
                            + "2025\u201c, Seite 1), am oder nach dem 2023-06-16."),
            new Said(new Reason.DateTooOld(List.of("Date of issue"), "2023-01-04", "04.01.2023", 2, "old.pdf",
                    "2024-06-16", 12, "2025-06-16"),
                    "The date near \u201cDate of issue\u201d in old.pdf is 2023-01-04 (\u201c04.01.2023\u201d, page 2), "
                            + "before 2024-06-16: it must be at most 12 months older than 2025-06-16.",
                    "Das Datum neben \u201eDate of issue\u201c in old.pdf ist der 2023-01-04 (\u201e04.01.2023\u201c, "
                            + "Seite 2), vor dem 2024-06-16: Es darf höchstens 12 Monate vor dem 2025-06-16 liegen."),
            new Said(new Reason.DigitallySigned("d.pdf", "CN=Jan Petersen", false, null, null),
                    "d.pdf is digitally signed by CN=Jan Petersen.", "d.pdf ist digital signiert von CN=Jan Petersen."),
            new Said(new Reason.DigitallySigned("d.pdf", "Jan Petersen", false, "2025-03-10T09:15:30Z", 2),
                    "d.pdf is digitally signed by Jan Petersen. Signed on 2025-03-10 09:15 UTC. Its signature field is "
                            + "on page 2.",
                    "d.pdf ist digital signiert von Jan Petersen. Signiert am 2025-03-10 09:15 UTC. Das Signaturfeld "
                            + "steht auf Seite 2."),
            new Said(new Reason.DigitallySigned("d.pdf", "CN=Jan Petersen", true, null, null),
                    "d.pdf is digitally signed by CN=Jan Petersen, but the file was changed after signing.",
                    "d.pdf ist digital signiert von CN=Jan Petersen, aber die Datei wurde nach dem Signieren geändert."),
            new Said(new Reason.SignatureBlock("d.pdf", 3, null, null), "d.pdf has a signature block on page 3.",
                    "d.pdf hat auf Seite 3 einen Unterschriftenblock."),
            new Said(new Reason.SignatureBlock("d.pdf", 161, "Dr. Anna Keller", "2025-03-10"),
                    "d.pdf has a signature block on page 161: Dr. Anna Keller, 2025-03-10.",
                    "d.pdf hat auf Seite 161 einen Unterschriftenblock: Dr. Anna Keller, 2025-03-10."),
            new Said(new Reason.ClosestMatch("2014/35/EU", "2014/30/EU", "doc.pdf", 1),
                    "Closest to \u201c2014/35/EU\u201d in doc.pdf: \u201c2014/30/EU\u201d (page 1).",
                    "In doc.pdf kommt \u201e2014/30/EU\u201c (Seite 1) \u201e2014/35/EU\u201c am nächsten."),
            new Said(new Reason.ClosestPassage("emc.pdf", 2, "Accreditation: none"),
                    "Nearest passage in emc.pdf, page 2: \u201cAccreditation: none\u201d.",
                    "Nächstgelegene Textstelle in emc.pdf, Seite 2: \u201eAccreditation: none\u201c."),
            new Said(new Reason.NotSigned("d.pdf", List.of(), List.of()),
                    "No digital signature and no signature block with a name or date in d.pdf.",
                    "Keine digitale Signatur und kein Unterschriftenblock mit Name oder Datum in d.pdf."),
            new Said(new Reason.NotSigned("d.pdf", List.of("CN=X"), List.of()),
                    "No digital signature and no signature block with a name or date in d.pdf; the digital signature "
                            + "by CN=X does not verify.",
                    "Keine digitale Signatur und kein Unterschriftenblock mit Name oder Datum in d.pdf; die digitale "
                            + "Signatur von CN=X ist nicht gültig."),
            new Said(new Reason.PageCount("r.pdf", 2, 12), "r.pdf has 2 pages, fewer than the 12 needed.",
                    "r.pdf hat 2 Seiten, weniger als die geforderten 12."),
            new Said(new Reason.PageCount("r.pdf", 1, 1), "r.pdf has 1 page (at least 1 needed).",
                    "r.pdf hat 1 Seite (mindestens 1 gefordert)."));

    @Test
    void saysEveryReasonInEnglishAndInGerman() {
        for (Said said : SAID) {
            assertThat(TEXT.render(List.of(said.reason()), Locale.ENGLISH, NAMES)).as("%s", said.reason())
                    .isEqualTo(said.english());
            assertThat(TEXT.render(List.of(said.reason()), Locale.GERMAN, NAMES)).as("%s", said.reason())
                    .isEqualTo(said.german());
        }
    }

    @Test
    void everyKindOfReasonIsSaidAbove() {
        Set<Class<?>> said = SAID.stream().map(s -> s.reason().getClass()).collect(Collectors.toSet());
        assertThat(said).containsExactlyInAnyOrder(Reason.class.getPermittedSubclasses());
    }

    @Test
    void everyDoubtAndEveryUnavailableProviderHasItsOwnSentenceInBothLanguages() {
        List<Reason> reasons = new ArrayList<>();
        Arrays.stream(Doubt.values()).forEach(d -> reasons.add(new Reason.AiDoubt(d, 1, 1, "fail", "medium", "X.")));
        Arrays.stream(LanguageModelException.Kind.values()).forEach(k -> reasons.add(new Reason.AiUnavailable(k.name())));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            List<String> lines = TEXT.render(reasons, locale, NAMES).lines().toList();
            assertThat(lines).hasSize(reasons.size()).doesNotHaveDuplicates();
            assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("reason.").isNotBlank());
        }
        assertThat(TEXT.render(List.of(new Reason.AiDoubt(Doubt.ABSENCE_NOT_ESTABLISHED, 0, 0, "fail", "medium",
                "X.")), Locale.GERMAN, NAMES)).startsWith("Die KI hat auf den gesendeten Seiten nichts gefunden")
                .endsWith("Antwort der KI: nicht erfüllt (Sicherheit mittel): X.");
    }

    @Test
    void manyPagesAreCutAfterTen() {
        Reason pages = new Reason.UnreadPages("scan.pdf", IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(TEXT.render(List.of(pages), Locale.ENGLISH, NAMES))
                .startsWith("The content of pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 \u2026 (12 in all) of scan.pdf");
        assertThat(TEXT.render(List.of(pages), Locale.GERMAN, NAMES))
                .startsWith("Der Inhalt von Seiten 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 \u2026 (insgesamt 12) in scan.pdf");
    }

    @Test
    void oneLinePerReasonInOrder() {
        List<Reason> reasons = List.of(new Reason.Unreadable("a.pdf", "Broken."), new Reason.NoValue("b.pdf", List.of()));
        assertThat(TEXT.render(reasons, Locale.ENGLISH, NAMES))
                .isEqualTo("a.pdf could not be read: Broken.\nNo value found in b.pdf.");
        assertThat(TEXT.english(List.of(new Reason.NoDocumentInBuckets(List.of("risk_assessment")))))
                .isEqualTo("No document was given in risk_assessment.");
    }

    @Test
    void everyKindSurvivesTheJsonRoundTrip() {
        JsonMapper json = JsonMapper.builder().build();
        List<Reason> reasons = SAID.stream().map(Said::reason).toList();
        String written = json.writerFor(new TypeReference<List<Reason>>() { }).writeValueAsString(reasons);
        assertThat(json.readValue(written, new TypeReference<List<Reason>>() { })).isEqualTo(reasons);
        assertThat(written).contains("\"kind\":\"no_document_in_buckets\"");
    }
}
