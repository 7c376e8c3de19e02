package com.qteria.evaluation.retrieval.bench;

import com.qteria.evaluation.EvaluatedDocument;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.retrieval.PassageSearch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Time to index and search one 500-page document (docs/BENCHMARKS.md, "Retrieval"): half English, half German
 * technical-file prose (seeded, about 2,500 characters a page), ten criteria in English, each answered by a sentence
 * planted on one page (five of them German). Measures {@link PassageSearch#best} (index, search, quote: one criterion
 * without AI) and {@link PassageSearch#rank} (one index for all ten criteria: the AI's page selection), median of the
 * runs after warm-up (wall time and the thread's CPU time, which a shared machine disturbs less), and says on which
 * rank each planted page was found.
 * <p>
 * Usage: {@code RetrievalBenchmark [pages] [runs]} (default 500 pages, 15 runs).
 */
public final class RetrievalBenchmark {

    private static final String[] ENGLISH = ("the device was tested according to the standard and the results are "
            + "recorded in this report with the measured values for each sample including temperature rise leakage "
            + "current insulation resistance dielectric strength creepage clearance enclosure marking rated voltage "
            + "frequency power consumption protective earth conductor terminal fuse component certificate "
            + "manufacturer model variant production inspection quality plan revision approval annex table figure")
            .split(" ");
    private static final String[] GERMAN = ("das gerät wurde nach der norm geprüft und die ergebnisse sind in diesem "
            + "bericht mit den messwerten für jedes muster aufgeführt einschließlich erwärmung ableitstrom "
            + "isolationswiderstand spannungsfestigkeit kriechstrecke luftstrecke gehäuse kennzeichnung nennspannung "
            + "frequenz leistungsaufnahme schutzleiter anschlussklemme sicherung bauteil zertifikat hersteller modell "
            + "variante fertigung prüfung qualitätsplan änderungsstand freigabe anhang tabelle abbildung").split(" ");
    /** Criterion name, description, planted sentence, and whether the page is German. */
    private static final String[][] FACTS = {
            {"Declaration of conformity", "The EU declaration of conformity of the manufacturer is enclosed.",
                    "EU-Konformitätserklärung des Herstellers: siehe Anlage 3, unterzeichnet vom Geschäftsführer.",
                    "de"},
            {"Risk assessment", "A risk assessment of the product was carried out.",
                    "Die Risikobeurteilung wurde nach EN ISO 12100 durchgeführt; alle Restrisiken sind vertretbar.",
                    "de"},
            {"Instructions for use", "Instructions for use in the language of the user are supplied.",
                    "Die Gebrauchsanweisung liegt in deutscher Sprache bei und ist dem Gerät beigefügt.", "de"},
            {"Warning of electric shock", "The manual warns of the hazard of electric shock.",
                    "WARNUNG: Stromschlaggefahr. Vor dem Öffnen des Gehäuses den Netzstecker ziehen.", "de"},
            {"Laboratory accreditation", "The testing laboratory is accredited to ISO/IEC 17025.",
                    "Das Prüflabor ist nach DIN EN ISO/IEC 17025 von der DAkkS akkreditiert.", "de"},
            {"Overall verdict is pass", "The report states an overall pass verdict.",
                    "Overall verdict: PASS. The test item fulfils all requirements of the standard.", "en"},
            {"User manual provided", "A user manual is provided with the product.",
                    "Operating instructions: read this guide before first use and keep it for later reference.", "en"},
            {"Calibration of test equipment", "The test equipment was calibrated and is traceable.",
                    "All measuring instruments were calibrated within the last 12 months, traceable to national "
                            + "standards.", "en"},
            {"Serial number stated", "The serial number of the test item is stated.",
                    "Serial No. of the sample: SN-2025-004711 (production lot 12).", "en"},
            {"Signed by the responsible engineer", "The report is signed by the responsible test engineer.",
                    "Signature of the undersigned test engineer: Jan Petersen, 12 March 2025.", "en"},
    };

    private RetrievalBenchmark() {
    }

    public static void main(String[] args) {
        int pageCount = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Random random = new Random(20251207);
        List<String> pages = new ArrayList<>();
        for (int p = 0; p < pageCount; p++) {
            pages.add(prose(random, p < pageCount / 2 ? ENGLISH : GERMAN, 2_500));
        }
        int[] planted = new int[FACTS.length];
        for (int f = 0; f < FACTS.length; f++) {
            boolean german = FACTS[f][3].equals("de");
            planted[f] = (german ? pageCount / 2 : 0) + 7 + f * (pageCount / 2 - 10) / FACTS.length;
            pages.set(planted[f], pages.get(planted[f]) + "\n" + FACTS[f][2] + "\n"
                    + prose(random, german ? GERMAN : ENGLISH, 300));
        }
        List<EvaluatedDocument> documents = List.of(new EvaluatedDocument(UUID.nameUUIDFromBytes(new byte[] {1}),
                "technical-file.pdf", "file", pages, List.of()));
        List<String> queries = Arrays.stream(FACTS).map(f -> f[0] + "\n" + f[1]).toList();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] best = new long[runs];
        long[] rank = new long[runs];
        long[] bestCpu = new long[runs];
        long[] rankCpu = new long[runs];
        for (int warmup = 0; warmup < 5; warmup++) {
            PassageSearch.best(queries.getFirst(), documents, 3);
            PassageSearch.rank(queries, documents, 60);
        }
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            PassageSearch.best(queries.get(r % queries.size()), documents, 3);
            best[r] = System.nanoTime() - start;
            bestCpu[r] = threads.getCurrentThreadCpuTime() - cpu;
            start = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            PassageSearch.rank(queries, documents, 60);
            rank[r] = System.nanoTime() - start;
            rankCpu[r] = threads.getCurrentThreadCpuTime() - cpu;
        }
        System.out.printf("%d pages (%d characters), %d runs, median wall (CPU) time: best (1 criterion, 3 passages "
                + "with quotes) %.0f ms (%.0f ms CPU); rank (10 criteria, 60 pages each) %.0f ms (%.0f ms CPU)%n",
                pageCount, pages.stream().mapToInt(String::length).sum(), runs, median(best), median(bestCpu),
                median(rank), median(rankCpu));
        int top3 = 0;
        List<List<PassageSearch.PageHit>> ranked = PassageSearch.rank(queries, documents, 60);
        for (int f = 0; f < FACTS.length; f++) {
            List<Evidence> found = PassageSearch.best(queries.get(f), documents, 3);
            int at = -1;
            for (int i = 0; i < ranked.get(f).size(); i++) {
                if (ranked.get(f).get(i).page() == planted[f] + 1) {
                    at = i + 1;
                }
            }
            int page = planted[f] + 1;
            boolean hit = found.stream().anyMatch(e -> e.page() == page);
            top3 += hit ? 1 : 0;
            System.out.printf("  %-36s (%s page %3d): rank %s%s%n", FACTS[f][0], FACTS[f][3], planted[f] + 1,
                    at < 0 ? "not in the first 60" : at, hit ? ", in the top 3" : "");
            if (at != 1 && !found.isEmpty()) {
                System.out.printf("    first: page %d \u201c%s\u201d%n", found.getFirst().page(),
                        found.getFirst().quote().replace('\n', ' '));
            }
        }
        System.out.printf("planted page in the top 3 for %d of %d criteria%n", top3, FACTS.length);
    }

    private static String prose(Random random, String[] words, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int sentence = 8 + random.nextInt(10);
            for (int w = 0; w < sentence; w++) {
                String word = words[random.nextInt(words.length)];
                text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
                        .append(w == sentence - 1 ? ". " : " ");
            }
            if (random.nextInt(6) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
