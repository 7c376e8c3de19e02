package com.qteria.bench.accuracy;

import com.qteria.support.SignedPdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the labelled accuracy corpus of issue 16 into {@code bench/accuracy/corpus} (or the folder given as the
 * first argument), in the layout of {@code ../shared/samples}: {@code workflows/*.json}, {@code documents/*.pdf},
 * {@code cases/case-NN.json}, {@code README.md}. Run by {@code bench/accuracy/generate.sh}.
 * <p>
 * Everything is fictitious and fixed: companies, products, people, dates, seeds. The documents exercise the classes
 * of failure of the issue: signature tables on the last page of a 161-page report, scanned declarations read by OCR,
 * near misses, digital signatures (one changed after signing), German documents, two-column manuals, result tables,
 * paraphrases, and negatives that must not pass. The labels are what a careful reviewer decides on the page, not what
 * the tool does today.
 */
public final class AccuracyCorpus {

    static final Path DEFAULT = Path.of("bench", "accuracy", "corpus");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path out;
    private final Map<String, String> kinds = new TreeMap<>();
    private final List<Map<String, Object>> cases = new ArrayList<>();
    private final Map<String, Map<String, Object>> workflows = new LinkedHashMap<>();
    private final Map<String, String> caseNotes = new LinkedHashMap<>();

    private AccuracyCorpus(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : DEFAULT;
        new AccuracyCorpus(out).generate();
        System.out.println("Accuracy corpus written to " + out.toAbsolutePath().normalize());
    }

    void generate() throws IOException {
        for (String folder : List.of("documents", "workflows", "cases")) {
            Path dir = out.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
        }
        lvd();
        emc();
        medical();
        for (Map.Entry<String, Map<String, Object>> workflow : workflows.entrySet()) {
            Files.writeString(out.resolve("workflows").resolve(workflow.getKey()),
                    JSON.writeValueAsString(workflow.getValue()) + "\n");
        }
        for (Map<String, Object> kase : cases) {
            Files.writeString(out.resolve("cases").resolve(kase.get("case") + ".json"),
                    JSON.writeValueAsString(kase) + "\n");
        }
        Files.writeString(out.resolve("README.md"), readme());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Workflow 1: Low Voltage Directive, ICT/AV equipment (English; 161-page report, signature tables, near misses)

    private void lvd() {
        document("tr-solvane-sa4200.pdf", "test report (161 pages, signature table)",
                lvdReport("NWP-25-0311", "SA-4200", 161, "IEC 62368-1:2014+A11:2017+AMD2:2020", "2025-03-10", true,
                        true, 97));
        document("tr-solvane-sa4300.pdf", "test report (near miss: edition; empty signature table)",
                lvdReport("NWP-25-0072", "SA-4300", 14, "IEC 62368-1:2014+A11:2017", "2025-01-22", false, false, 9));
        document("doc-solvane-sa4200.pdf", "EU declaration of conformity (signed)", lvdDeclaration("SA-4200", true));
        document("doc-solvane-sa4300.pdf", "EU declaration of conformity (near miss: 2014/30/EU; blank signature line)",
                lvdDeclaration("SA-4300", false));
        document("um-solvane-sa4200.pdf", "user manual (two columns)", lvdManual("SA-4200", false));
        document("um-solvane-sa4300.pdf", "user manual (two columns, DRAFT watermark)", lvdManual("SA-4300", true));

        workflow("lvd-ict-equipment.json", "Low Voltage Directive - ICT / AV equipment (IEC 62368-1, AMD2)",
                "Pre-assessment of the technical documentation of audio/video and ICT equipment under the Low Voltage "
                        + "Directive 2014/35/EU, tested to IEC 62368-1 with amendment 2.",
                List.of(bucket("test_reports", "Test reports", true), bucket("declaration",
                        "EU Declaration of Conformity", true), bucket("user_manual", "User manual", true)),
                List.of(
                        criterion("tr_standard", "Test report cites IEC 62368-1 with amendment 2",
                                "The test specification of the report is IEC 62368-1:2014+A11:2017+AMD2:2020.",
                                List.of("test_reports"), contains("all", "IEC 62368-1:2014+A11:2017+AMD2:2020")),
                        criterion("tr_date", "Test report issued within the last 24 months",
                                "The date of issue of the test report is no older than 24 months.",
                                List.of("test_reports"), dateNotOlder(24, "Date of issue")),
                        criterion("tr_complete", "Test report is complete with all annexes",
                                "The full report including the clause tables and annexes has at least 150 pages.",
                                List.of("test_reports"), check("min_pages", "pages", 150)),
                        criterion("tr_signed", "Test report is signed",
                                "The test report is signed by the tester and the person responsible (name, signature,"
                                        + " date).", List.of("test_reports"), check("signed")),
                        criterion("tr_verdict", "Test report states an overall PASS verdict",
                                "The report states an overall verdict for the test item and that verdict is pass.",
                                List.of("test_reports")),
                        criterion("tr_earthing", "Protective earthing continuity verified",
                                "The report shows that the resistance of the protective earthing connection was "
                                        + "measured and is within its limit.", List.of("test_reports")),
                        criterion("doc_lvd", "Declaration names the Low Voltage Directive 2014/35/EU",
                                "The EU declaration of conformity lists Directive 2014/35/EU.",
                                List.of("declaration"), contains("all", "2014/35/EU")),
                        criterion("doc_signed", "Declaration is signed",
                                "The declaration carries a digital signature or a handwritten signature with the name "
                                        + "of the signatory.", List.of("declaration"), check("signed")),
                        criterion("model_consistent", "Same model in test report and declaration",
                                "The model/type reference in the test report is exactly the one in the declaration.",
                                List.of("test_reports", "declaration"), sameValue(
                                        "(?i)(?:model/type reference|model)\\s*:?\\s*([A-Z]{2}-\\d{3,4})",
                                        "test_reports", "declaration")),
                        criterion("manual_final", "User manual is a released edition",
                                "The user manual is not marked as a draft or preliminary edition.",
                                List.of("user_manual"), notContains("draft", "preliminary")),
                        criterion("manual_shock", "User manual warns about electric shock",
                                "The user manual warns about the risk of electric shock with a signal word and says "
                                        + "how to avoid it.", List.of("user_manual")),
                        criterion("manual_wall", "User manual explains wall mounting",
                                "The user manual explains how to mount the product on a wall safely.",
                                List.of("user_manual"))));

        String tr1 = "documents/tr-solvane-sa4200.pdf";
        String doc1 = "documents/doc-solvane-sa4200.pdf";
        String um1 = "documents/um-solvane-sa4200.pdf";
        kase("case-01", "lvd-ict-equipment.json", "2025-06-16",
                "Complete package: a 161-page report signed in a signature table on its last page, a signed "
                        + "declaration, a two-column manual. Every criterion passes.",
                docs("test_reports", tr1, "declaration", doc1, "user_manual", um1),
                expect("tr_standard", "pass", "long_report", "The cover page names the test specification "
                        + "IEC 62368-1:2014+A11:2017+AMD2:2020.", ev(tr1, 1, "IEC 62368-1:2014+A11:2017+AMD2:2020")),
                expect("tr_date", "pass", "long_report", "Date of issue 2025-03-10 on the cover, within 24 months of "
                        + "2025-06-16.", ev(tr1, 1, "Date of issue: 2025-03-10")),
                expect("tr_complete", "pass", "long_report", "The report has 161 pages.", List.of()),
                expect("tr_signed", "pass", "signature_table", "The last page (161) holds the approval table Name | "
                        + "Function | Signature | Date with Markus Brandt (2025-03-07) and Dr. Anna Keller "
                        + "(2025-03-10), each with a handwritten signature.", ev(tr1, 161, "Dr. Anna Keller")),
                expect("tr_verdict", "pass", "paraphrase", "The summary of testing (page 3) concludes that the sample "
                        + "was found to comply with all applicable requirements: an overall pass, in other words.",
                        ev(tr1, 3, "found to comply with all applicable requirements")),
                expect("tr_earthing", "pass", "table", "Clause table on page 97: 5.6.6 resistance of the protective "
                        + "bonding system, 0.04 Ohm measured against a limit of 0.1 Ohm, verdict P.",
                        ev(tr1, 97, "Resistance of the protective bonding")),
                expect("doc_lvd", "pass", "visible_signature", "Directive 2014/35/EU is listed.",
                        ev(doc1, 1, "2014/35/EU")),
                expect("doc_signed", "pass", "visible_signature", "\"Signature:\" with a handwritten signature, "
                        + "the printed name Pieter van Dijk (Managing Director) on the next line; place and date "
                        + "Eindhoven, 2025-03-14 above.", ev(doc1, 1, "Pieter van Dijk")),
                expect("model_consistent", "pass", "table", "Model/type reference SA-4200 in the report, model "
                        + "SA-4200 in the declaration.", ev(tr1, 1, "SA-4200"), ev(doc1, 1, "SA-4200")),
                expect("manual_final", "pass", "two_column", "Released edition 1.0; neither draft nor preliminary "
                        + "appears anywhere.", List.of()),
                expect("manual_shock", "pass", "two_column", "Page 2, left column: \"WARNING - Risk of electric "
                        + "shock\", do not open the housing, disconnect the mains plug.",
                        ev(um1, 2, "Risk of electric shock")),
                expect("manual_wall", "pass", "paraphrase", "Page 3, \"Hanging the soundbar\": attach the bracket to "
                        + "a vertical surface with four screws and wall plugs suited to the masonry.",
                        ev(um1, 3, "Hanging the soundbar")));

        String tr2 = "documents/tr-solvane-sa4300.pdf";
        String doc2 = "documents/doc-solvane-sa4300.pdf";
        String um2 = "documents/um-solvane-sa4300.pdf";
        kase("case-02", "lvd-ict-equipment.json", "2025-06-16",
                "Near misses and unsigned documents: the report cites IEC 62368-1 without amendment 2 and has an "
                        + "empty signature table, the declaration cites 2014/30/EU instead of 2014/35/EU above a blank "
                        + "signature line, the manual carries a DRAFT watermark.",
                docs("test_reports", tr2, "declaration", doc2, "user_manual", um2),
                expect("tr_standard", "fail", "near_miss", "The cover cites IEC 62368-1:2014+A11:2017: amendment 2 "
                        + "(AMD2:2020) is missing.", ev(tr2, 1, "IEC 62368-1:2014+A11:2017")),
                expect("tr_date", "pass", null, "Date of issue 2025-01-22, within 24 months.",
                        ev(tr2, 1, "Date of issue: 2025-01-22")),
                expect("tr_complete", "fail", "structure", "The report has 14 pages, fewer than 150.", List.of()),
                expect("tr_signed", "fail", "negative", "The approval table on the last page (14) names Markus "
                        + "Brandt and Dr. Anna Keller, but the Signature and Date cells are empty: not signed.",
                        List.of()),
                expect("tr_verdict", "fail", "paraphrase", "The summary (page 3) says the sample does not comply "
                        + "(temperature of accessible parts exceeded): the overall verdict is not pass.",
                        ev(tr2, 3, "does not comply")),
                expect("tr_earthing", "pass", "table", "Clause table on page 9: 5.6.6, 0.04 Ohm against 0.1 Ohm, P.",
                        ev(tr2, 9, "Resistance of the protective bonding")),
                expect("doc_lvd", "fail", "near_miss", "The declaration lists 2014/30/EU (EMC) and 2011/65/EU "
                        + "(RoHS), not 2014/35/EU.", ev(doc2, 1, "2014/30/EU")),
                expect("doc_signed", "fail", "negative", "\"Signature: ____\" and \"Name, function: ____\" are blank:"
                        + " no signature, no name.", List.of()),
                expect("model_consistent", "pass", null, "SA-4300 in both documents.", ev(tr2, 1, "SA-4300"),
                        ev(doc2, 1, "SA-4300")),
                expect("manual_final", "fail", "negative", "A large grey DRAFT watermark across every page.",
                        ev(um2, 1, "DRAFT")),
                expect("manual_shock", "pass", "two_column", "Page 2, left column: \"WARNING - Risk of electric "
                        + "shock\".", ev(um2, 2, "Risk of electric shock")),
                expect("manual_wall", "pass", "paraphrase", "Page 3, \"Hanging the soundbar\" on a vertical surface.",
                        ev(um2, 3, "Hanging the soundbar")));
    }

    private static final String[][] IEC62368_CLAUSES = {
            {"4.1.1", "Acceptance of materials, components and subassemblies", "Components certified, see annex 4"},
            {"4.1.2", "Use of components", "Components used within their ratings"},
            {"4.4.3", "Safeguard robustness", "Steady force tests 10 N, 30 N, 100 N applied, no damage"},
            {"5.2.1", "Electrical energy source classifications", "ES1 on all user-accessible ports"},
            {"5.3.2", "Accessibility to electrical energy sources", "Test finger and test probe applied"},
            {"5.4.1.4", "Maximum operating temperatures of materials", "See table 5.4.1.4"},
            {"5.4.2", "Clearances", "Required 2.0 mm, measured 3.4 mm"},
            {"5.4.3", "Creepage distances", "Required 2.5 mm, measured 4.1 mm"},
            {"5.4.4", "Solid insulation", "Double insulation, two layers of polyester film"},
            {"5.4.9", "Electric strength test", "3000 V a.c. for 60 s, no breakdown"},
            {"5.5.2", "Components as safeguards", "Mains fuse T3.15AH 250V"},
            {"5.7.4", "Touch current", "0.12 mA measured, limit 0.25 mA"},
            {"6.2.2", "Power source circuit classifications", "PS3 in the mains section, PS1 elsewhere"},
            {"6.4.5", "Control of fire spread in PS3 circuits", "V-1 enclosure material"},
            {"7.2", "Reduction of exposure to hazardous substances", "No hazardous substances accessible"},
            {"8.2", "Mechanical energy source classifications", "MS1, mass below 7 kg"},
            {"8.6.2", "Static stability", "10 degree tilt test passed"},
            {"9.3", "Touch temperature limits", "See table 9.3"},
            {"10.2", "Radiation energy source classifications", "RS1: LED indicators only"},
            {"10.6", "Safeguards against acoustic energy sources", "Not a personal music player"},
            {"B.2", "Normal operating conditions", "Pink noise at 1/8 of the maximum output power"},
            {"B.3", "Simulated abnormal operating conditions", "Ventilation openings blocked, no hazard"},
            {"B.4", "Simulated single fault conditions", "Output transistors short-circuited, fuse opened"},
            {"F.3", "Equipment markings", "Marking plate on the rear, see page 2"},
            {"G.5.3", "Transformers", "Separate approval, see annex 4"},
            {"M.2", "Batteries of the remote control", "Coin cell with child-resistant compartment"},
    };

    private static byte[] lvdReport(String number, String model, int pages, String standard, String issued,
                                    boolean signatures, boolean complies, int earthingPage) {
        try (CorpusPdf pdf = new CorpusPdf(number)) {
            String footer = "Report No. " + number + " - Page %d of " + pages;
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 20, "TEST REPORT").skip(30);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 14, "IEC 62368-1").skip(20);
            p.para("Audio/video, information and communication technology equipment - Part 1: Safety requirements");
            p.skip(10);
            p.line("Report number: " + number);
            p.line("Date of issue: " + issued);
            p.line("Total number of pages: " + pages);
            p.line("Testing laboratory: Nordwall Prüflabor GmbH, Hafenstraße 12, 28217 Bremen, Germany");
            p.line("Applicant: Solvane Audio B.V., Strijp-S 40, 5617 AB Eindhoven, Netherlands");
            p.line("Test specification: " + standard);
            p.line("Test procedure: type test");
            p.line("Test item description: active soundbar with wireless subwoofer link");
            p.line("Trade mark: Solvane");
            p.line("Model/type reference: " + model);
            p.line("Ratings: 220-240 V~, 50/60 Hz, 45 W");
            p.skip(10).para("This report shall not be reproduced except in full without the written approval of the "
                    + "testing laboratory. The results relate only to the item tested.");
            p.footer(String.format(footer, 1));

            p = pdf.page();
            p.heading("General product information");
            p.para("The " + model + " is an active soundbar with an internal switch-mode power supply, a class D "
                    + "amplifier and a wireless link to the separate subwoofer. It is intended for use in households "
                    + "and offices.");
            p.line("Equipment mobility: movable; may be hung on a wall with the supplied bracket");
            p.line("Connection to the mains: detachable power supply cord, appliance coupler C14");
            p.line("Class of equipment: Class I");
            p.line("Pollution degree: PD 2");
            p.line("Manufacturer's specified maximum ambient: 35 °C");
            p.line("IP protection class: IPX0");
            p.skip(8).para("Possible test case verdicts: test case does not apply to the test object: N/A; test object "
                    + "does meet the requirement: P (Pass); test object does not meet the requirement: F (Fail).");
            p.footer(String.format(footer, 2));

            p = pdf.page();
            p.heading("Summary of testing");
            p.para("Tests performed (name of test and test clause): all clauses of the test specification, as listed "
                    + "in the clause tables of this report. Testing location: Nordwall Prüflabor GmbH, Bremen.");
            p.para(complies
                    ? "Conclusion: the sample submitted was found to comply with all applicable requirements of the "
                            + "test specification listed on the cover page."
                    : "Conclusion: the sample submitted does not comply with the test specification. The temperature "
                            + "of accessible metal parts of the rear panel exceeded the TS2 limit (clause 9.3, table "
                            + "9.3). Corrective action is required before the report can be completed.");
            p.para("Summary of compliance with national differences: not applicable (CB scheme not requested).");
            p.footer(String.format(footer, 3));

            Random random = new Random(number.hashCode());
            for (int n = 4; n < pages; n++) {
                p = pdf.page();
                p.heading("Clause verification (continued)");
                List<String[]> rows = new ArrayList<>();
                if (n == earthingPage) {
                    rows.add(new String[] {"5.6.6", "Resistance of the protective bonding system",
                            "Test current 25 A for 2 min; measured 0.04 Ohm between the earthing pin of the appliance "
                                    + "inlet and the accessible metal chassis (limit 0.1 Ohm)", "P"});
                    rows.add(new String[] {"5.6.5", "Corrosion of protective conductor connections",
                            "Brass terminal, nickel-plated chassis: compatible metals", "P"});
                }
                while (rows.size() < 11) {
                    String[] clause = IEC62368_CLAUSES[random.nextInt(IEC62368_CLAUSES.length)];
                    String verdict = random.nextInt(7) == 0 ? "N/A" : "P";
                    rows.add(new String[] {clause[0], clause[1], verdict.equals("N/A") ? "Not applicable" : clause[2],
                            verdict});
                }
                p.table(new float[] {55, 170, 200, 50}, new String[] {"Clause", "Requirement + Test",
                        "Result - Remark", "Verdict"}, rows);
                p.footer(String.format(footer, n));
            }

            p = pdf.page();
            p.heading("Approval of this test report");
            p.para("The undersigned confirm that the tests were carried out and the results reported as described "
                    + "in this report.");
            float top = p.y;
            p.rowHeight(34).table(new float[] {130, 120, 130, 95}, new String[] {"Name", "Function", "Signature",
                    "Date"}, List.of(
                    new String[] {"Markus Brandt", "Test Engineer", "", signatures ? "2025-03-07" : ""},
                    new String[] {"Dr. Anna Keller", "Head of Testing", "", signatures ? issued : ""}));
            if (signatures) {
                p.scribble(CorpusPdf.MARGIN + 262, top + 20 + 26, 95, 11);
                p.scribble(CorpusPdf.MARGIN + 262, top + 20 + 34 + 26, 100, 12);
            }
            p.skip(10).line("End of test report");
            p.footer(String.format(footer, pages));
            return pdf.bytes();
        }
    }

    private static byte[] lvdDeclaration(String model, boolean complete) {
        try (CorpusPdf pdf = new CorpusPdf("DoC-" + model)) {
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "EU Declaration of Conformity").skip(28);
            p.line("No. DoC-" + model.replace("-", "") + "-01");
            p.skip(6).para("We, Solvane Audio B.V., Strijp-S 40, 5617 AB Eindhoven, Netherlands, declare under our sole "
                    + "responsibility that the product");
            p.line("Product: active soundbar with wireless subwoofer");
            p.line("Trade mark: Solvane");
            p.line("Model: " + model);
            p.skip(6).para("to which this declaration relates is in conformity with the relevant Union harmonisation "
                    + "legislation:");
            if (complete) {
                p.line("Directive 2014/35/EU (Low Voltage Directive)");
            }
            p.line("Directive 2014/30/EU (Electromagnetic Compatibility Directive)");
            p.line("Directive 2011/65/EU (Restriction of hazardous substances), as amended by (EU) 2015/863");
            p.skip(6).para("The following harmonised standards and technical specifications have been applied:");
            p.line("EN IEC 62368-1:2020+A11:2020");
            p.line("EN 55032:2015+A11:2020, EN 55035:2017+A11:2020");
            p.line("EN IEC 61000-3-2:2019+A1:2021, EN 61000-3-3:2013+A2:2021");
            p.line("EN IEC 63000:2018");
            p.skip(14);
            if (complete) {
                p.line("Signed for and on behalf of: Solvane Audio B.V.");
                p.line("Place and date of issue: Eindhoven, 2025-03-14");
                p.skip(12).line("Signature:");
                p.scribble(CorpusPdf.MARGIN + 70, p.y - 6, 120, 21);
                p.skip(8).line("Pieter van Dijk, Managing Director");
            } else {
                p.line("Place and date of issue: Eindhoven, 2025-02-03");
                p.skip(12).line("Signature: ______________________________");
                p.skip(6).line("Name, function: ______________________________");
            }
            return pdf.bytes();
        }
    }

    private static byte[] lvdManual(String model, boolean draft) {
        try (CorpusPdf pdf = new CorpusPdf("UM-" + model + (draft ? "-draft" : ""))) {
            String edition = draft ? "Edition 0.9, January 2025" : "Edition 1.0, March 2025";
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "Solvane " + model + " Soundbar").skip(26);
            p.text(CorpusPdf.MARGIN, CorpusPdf.REGULAR, 13, "User manual - " + edition).skip(30);
            p.twoColumns(List.of("## Thank you",
                            "Thank you for choosing the Solvane " + model + ". This manual describes how to set up, "
                                    + "connect and use the soundbar and its wireless subwoofer. Keep it for later "
                                    + "reference and pass it on with the product.",
                            "## In the box",
                            "Soundbar, wireless subwoofer, remote control with coin cell, power cords (2), HDMI cable, "
                                    + "wall bracket with screws and wall plugs, this manual."),
                    List.of("## Contents",
                            "1 Safety instructions ... 2",
                            "2 Setting up ... 3",
                            "3 Connections ... 3",
                            "4 Technical data ... 4",
                            "5 Disposal ... 4"));
            if (draft) {
                p.watermark("DRAFT");
            }
            p.footer("Solvane " + model + " - " + edition + " - page 1");

            p = pdf.page().at(70);
            p.twoColumns(List.of("## 1 Safety instructions",
                            "Read all instructions before using the soundbar and follow them.",
                            "WARNING - Risk of electric shock. Do not open the housing: there are no parts inside that "
                                    + "you can service. Disconnect the power cord before you connect cables or move "
                                    + "the unit. Only connect the soundbar to a mains socket with a protective earth "
                                    + "contact.",
                            "WARNING - Do not swallow the coin cell of the remote control: chemical burn hazard. Keep "
                                    + "new and used cells away from children."),
                    List.of("## Ventilation",
                            "CAUTION - Hot surfaces. Do not cover the ventilation slots on the rear and leave at least "
                                    + "10 cm of free space around the subwoofer.",
                            "## Water and moisture",
                            "Do not expose the apparatus to dripping or splashing water and do not place objects "
                                    + "filled with liquids, such as vases, on it."));
            if (draft) {
                p.watermark("DRAFT");
            }
            p.footer("Solvane " + model + " - " + edition + " - page 2");

            p = pdf.page().at(70);
            p.twoColumns(List.of("## 2 Setting up",
                            "Place the soundbar centrally below or in front of the television, at least 5 cm away "
                                    + "from the screen.",
                            "## Hanging the soundbar",
                            "Attach the supplied bracket to a vertical surface of brick, concrete or timber studs "
                                    + "with the four screws and wall plugs suited to the masonry. Check that the "
                                    + "surface bears at least 15 kg, then hook the soundbar onto the bracket until it "
                                    + "clicks into place. Do not hang the subwoofer."),
                    List.of("## 3 Connections",
                            "Connect the HDMI eARC socket of the soundbar to the eARC socket of the television. "
                                    + "Alternatively use the optical input.",
                            "Pair the subwoofer: press and hold the LINK button on the rear of the subwoofer for five "
                                    + "seconds until its LED lights up steadily."));
            if (draft) {
                p.watermark("DRAFT");
            }
            p.footer("Solvane " + model + " - " + edition + " - page 3");

            p = pdf.page().at(70);
            p.twoColumns(List.of("## 4 Technical data",
                            "Mains supply: 220-240 V~, 50/60 Hz",
                            "Power consumption: 45 W; standby below 0.5 W",
                            "Output power: 2 x 40 W + 120 W",
                            "Dimensions: 960 x 62 x 98 mm"),
                    List.of("## 5 Disposal",
                            "Do not dispose of the product with household waste. Take it to a collection point for "
                                    + "electrical and electronic equipment (WEEE). Remove the coin cell first."));
            if (draft) {
                p.watermark("DRAFT");
            }
            p.footer("Solvane " + model + " - " + edition + " - page 4");
            return pdf.bytes();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Workflow 2: EMC Directive (scanned declarations read by OCR, accreditation near miss and expiry)

    private void emc() {
        document("tr-vireo-vr220.pdf", "EMC test report (result tables, signature table)",
                emcReport("HEC-25-1187", "VR-220", "Halvard EMC Test Centre AB", "2025-02-18", true));
        document("tr-vireo-vr310.pdf", "EMC test report (result tables, signature table)",
                emcReport("OTI-25-0213", "VR-310", "Orbis Test & Inspection GmbH", "2025-03-05", true));
        document("doc-vireo-vr220-scan.pdf", "EU declaration, scanned (no text layer, English)",
                CorpusPdf.scan(emcDeclaration("VR-220", false), "doc-vireo-vr220-scan", 250, 0.35, 220));
        document("doc-vireo-vr310-scan.pdf", "EU-Konformitätserklärung, scanned (no text layer, German)",
                CorpusPdf.scan(emcDeclaration("VR-310", true), "doc-vireo-vr310-scan", 250, -0.4, 310));
        document("acc-halvard-17025.pdf", "accreditation certificate (ISO/IEC 17025)", accreditation(false));
        document("acc-orbis-17020.pdf", "accreditation certificate (near miss: ISO/IEC 17020; expired)",
                accreditation(true));

        workflow("emc-directive.json", "EMC Directive - multimedia equipment (EN 55032 / EN 55035)",
                "Pre-assessment of an EMC Directive 2014/30/EU file: test report, declaration and the accreditation "
                        + "of the laboratory.",
                List.of(bucket("test_reports", "Test reports", true), bucket("declaration",
                        "EU Declaration of Conformity", true), bucket("accreditation", "Laboratory accreditation",
                        true)),
                List.of(
                        criterion("tr_standard", "Test report cites EN 55032",
                                "The emission tests were made to EN 55032.", List.of("test_reports"),
                                contains("all", "EN 55032")),
                        criterion("tr_date", "Test report issued within the last 24 months",
                                "The date of issue of the test report is no older than 24 months.",
                                List.of("test_reports"), dateNotOlder(24, "Date of issue")),
                        criterion("tr_signed", "Test report is signed",
                                "The report is signed by the responsible persons.", List.of("test_reports"),
                                check("signed")),
                        criterion("tr_conducted", "Conducted emissions within the limits",
                                "The conducted emissions at the mains port were measured and stay below the limits.",
                                List.of("test_reports")),
                        criterion("doc_emc", "Declaration names the EMC Directive 2014/30/EU",
                                "The EU declaration of conformity lists Directive 2014/30/EU.", List.of("declaration"),
                                contains("all", "2014/30/EU")),
                        criterion("doc_signed", "Declaration is signed",
                                "The declaration carries a handwritten signature with the name of the signatory, or "
                                        + "a digital signature.", List.of("declaration"), check("signed")),
                        criterion("model_consistent", "Same model in test report and declaration",
                                "The model in the report is the one in the declaration.",
                                List.of("test_reports", "declaration"), sameValue(
                                        "(?i)(?:model/type reference|model|modell)\\s*:?\\s*([A-Z]{2}-\\d{3,4})",
                                        "test_reports", "declaration")),
                        criterion("lab_17025", "Laboratory accredited to ISO/IEC 17025",
                                "The accreditation certificate of the laboratory names ISO/IEC 17025.",
                                List.of("accreditation"), contains("all", "ISO/IEC 17025")),
                        criterion("lab_current", "Accreditation issued within the last 5 years",
                                "The accreditation certificate was issued no more than 60 months ago (accreditations "
                                        + "run for five years).", List.of("accreditation"),
                                dateNotOlder(60, "Date of issue")),
                        criterion("lab_scope", "Accreditation covers EMC emission testing",
                                "The scope of the accreditation includes the emission measurements of the report.",
                                List.of("accreditation"))));

        String tr3 = "documents/tr-vireo-vr220.pdf";
        String doc3 = "documents/doc-vireo-vr220-scan.pdf";
        String acc3 = "documents/acc-halvard-17025.pdf";
        kase("case-03", "emc-directive.json", "2025-06-20",
                "EMC package with a scanned English declaration (OCR: \"Signature:\", a drawn signature, the printed "
                        + "name and the date on the next lines) and a laboratory accredited to ISO/IEC 17025. Every "
                        + "criterion passes.",
                docs("test_reports", tr3, "declaration", doc3, "accreditation", acc3),
                expect("tr_standard", "pass", null, "EN 55032:2015+A11:2020 on the cover.", ev(tr3, 1, "EN 55032")),
                expect("tr_date", "pass", null, "Date of issue 2025-02-18.", ev(tr3, 1, "Date of issue: 2025-02-18")),
                expect("tr_signed", "pass", "signature_table", "Last page (8): Name | Function | Signature | Date "
                        + "with Lars Nyberg (2025-02-17) and Dr. Karin Ek (2025-02-18), both signed by hand.",
                        ev(tr3, 8, "Dr. Karin Ek")),
                expect("tr_conducted", "pass", "table", "Page 4: conducted disturbance at the AC mains port, margins "
                        + "of 6.8 dB and more below the limit, result pass (also summarised on page 3).",
                        ev(tr3, 4, "Conducted disturbance at the AC mains port"), ev(tr3, 3, "Conducted disturbance")),
                expect("doc_emc", "pass", "ocr_declaration", "The scanned declaration lists Directive 2014/30/EU.",
                        ev(doc3, 1, "2014/30/EU")),
                expect("doc_signed", "pass", "ocr_declaration", "Scanned: \"Signature:\" followed by a handwritten "
                        + "signature; next lines \"Dr. Jonas Weber, Managing Director\" and \"Date: 2025-04-03\".",
                        ev(doc3, 1, "Jonas Weber")),
                expect("model_consistent", "pass", "ocr_declaration", "VR-220 in the report and in the scanned "
                        + "declaration.", ev(tr3, 1, "VR-220"), ev(doc3, 1, "VR-220")),
                expect("lab_17025", "pass", null, "The certificate attests conformity with ISO/IEC 17025:2017.",
                        ev(acc3, 1, "ISO/IEC 17025")),
                expect("lab_current", "pass", null, "Date of issue 2023-02-01, valid until 2028-01-31.",
                        ev(acc3, 1, "Date of issue: 2023-02-01")),
                expect("lab_scope", "pass", "paraphrase", "Annex page 2: electromagnetic compatibility, measurement "
                        + "of conducted and radiated disturbance (EN 55032 / CISPR 32).",
                        ev(acc3, 2, "Measurement of conducted disturbance")));

        String tr4 = "documents/tr-vireo-vr310.pdf";
        String doc4 = "documents/doc-vireo-vr310-scan.pdf";
        String acc4 = "documents/acc-orbis-17020.pdf";
        kase("case-04", "emc-directive.json", "2025-06-20",
                "EMC package with a scanned German declaration (\"Unterschrift:\", drawn signature, name and date on "
                        + "the next lines) and an inspection body accredited to ISO/IEC 17020 - not 17025 - whose "
                        + "certificate is older than five years.",
                docs("test_reports", tr4, "declaration", doc4, "accreditation", acc4),
                expect("tr_standard", "pass", null, "EN 55032:2015+A11:2020 on the cover.", ev(tr4, 1, "EN 55032")),
                expect("tr_date", "pass", null, "Date of issue 2025-03-05.", ev(tr4, 1, "Date of issue: 2025-03-05")),
                expect("tr_signed", "pass", "signature_table", "Last page (8): the signature table with Lars Nyberg "
                        + "and Dr. Karin Ek, signed and dated.", ev(tr4, 8, "Dr. Karin Ek")),
                expect("tr_conducted", "pass", "table", "Page 4: conducted disturbance at the AC mains port within "
                        + "the limits.", ev(tr4, 4, "Conducted disturbance at the AC mains port"),
                        ev(tr4, 3, "Conducted disturbance")),
                expect("doc_emc", "pass", "ocr_declaration", "The scanned German declaration lists Richtlinie "
                        + "2014/30/EU.", ev(doc4, 1, "2014/30/EU")),
                expect("doc_signed", "pass", "ocr_declaration", "Scanned: \"Unterschrift:\" with a handwritten "
                        + "signature, then \"Dr. Jonas Weber, Geschäftsführer\" and \"Hamburg, 03.04.2025\".",
                        ev(doc4, 1, "Jonas Weber")),
                expect("model_consistent", "pass", "ocr_declaration", "VR-310 in the report and the scanned "
                        + "declaration (Modell: VR-310).", ev(tr4, 1, "VR-310"), ev(doc4, 1, "VR-310")),
                expect("lab_17025", "fail", "near_miss", "The certificate names ISO/IEC 17020:2012 (inspection "
                        + "bodies), not ISO/IEC 17025.", ev(acc4, 1, "ISO/IEC 17020")),
                expect("lab_current", "fail", "negative", "Date of issue 2019-11-04, valid until 2024-11-03: expired "
                        + "before 2025-06-20 and older than 60 months.", ev(acc4, 1, "Date of issue: 2019-11-04")),
                expect("lab_scope", "fail", "paraphrase", "The annex (page 2) covers inspection of electrical "
                        + "installations and lifts, no emission measurements.",
                        ev(acc4, 2, "Inspection of electrical installations")));
    }

    private static byte[] emcReport(String number, String model, String lab, String issued, boolean signatures) {
        try (CorpusPdf pdf = new CorpusPdf(number)) {
            int pages = 8;
            String footer = "Test report " + number + " - page %d of " + pages;
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 20, "EMC TEST REPORT").skip(34);
            p.line("Report number: " + number);
            p.line("Date of issue: " + issued);
            p.line("Testing laboratory: " + lab);
            p.line("Client: Vireo Networks GmbH, Am Sandtorkai 5, 20457 Hamburg, Germany");
            p.line("Equipment under test: 8-port Gigabit Ethernet switch");
            p.line("Model/type reference: " + model);
            p.line("Standards: EN 55032:2015+A11:2020 (Class B), EN 55035:2017+A11:2020");
            p.line("Result: the equipment under test complies with the standards above.");
            p.footer(String.format(footer, 1));

            p = pdf.page();
            p.heading("Equipment under test");
            p.para("The " + model + " is an unmanaged 8-port Gigabit Ethernet switch with an external power supply "
                    + "(12 V d.c., 1 A). It was tested in a typical configuration: all ports linked to an auxiliary "
                    + "switch and loaded with 50 % traffic.");
            p.line("Hardware version: B2; firmware version: 2.4.1");
            p.line("Date of receipt of the sample: 2025-01-27");
            p.line("Tests performed from 2025-01-28 to 2025-02-12");
            p.footer(String.format(footer, 2));

            p = pdf.page();
            p.heading("Summary of results");
            p.table(new float[] {230, 150, 95}, new String[] {"Test", "Basic standard", "Result"}, List.of(
                    new String[] {"Conducted disturbance, mains port", "EN 55032", "Pass"},
                    new String[] {"Conducted disturbance, wired network ports", "EN 55032", "Pass"},
                    new String[] {"Radiated disturbance below 1 GHz", "EN 55032", "Pass"},
                    new String[] {"Radiated disturbance above 1 GHz", "EN 55032", "Pass"},
                    new String[] {"Electrostatic discharge", "EN 61000-4-2", "Pass (criterion B)"},
                    new String[] {"Radiated RF immunity", "EN 61000-4-3", "Pass (criterion A)"},
                    new String[] {"Electrical fast transients", "EN 61000-4-4", "Pass (criterion B)"},
                    new String[] {"Surges", "EN 61000-4-5", "Pass (criterion B)"}));
            p.footer(String.format(footer, 3));

            p = pdf.page();
            p.heading("Conducted disturbance at the AC mains port (150 kHz - 30 MHz)");
            p.para("Measured with an artificial mains network, quasi-peak and average detectors, on the live and "
                    + "neutral conductor. Class B limits.");
            p.table(new float[] {80, 65, 80, 80, 80, 90}, new String[] {"Frequency (MHz)", "Line",
                    "Quasi-peak (dBµV)", "QP limit (dBµV)", "Margin (dB)", "Result"}, List.of(
                    new String[] {"0.182", "L", "47.5", "64.4", "16.9", "Pass"},
                    new String[] {"0.546", "N", "39.2", "56.0", "16.8", "Pass"},
                    new String[] {"1.274", "L", "41.0", "56.0", "15.0", "Pass"},
                    new String[] {"4.120", "N", "44.6", "56.0", "11.4", "Pass"},
                    new String[] {"12.36", "L", "53.2", "60.0", "6.8", "Pass"},
                    new String[] {"24.72", "N", "48.1", "60.0", "11.9", "Pass"}));
            p.footer(String.format(footer, 4));

            p = pdf.page();
            p.heading("Radiated disturbance (30 MHz - 6 GHz)");
            p.table(new float[] {90, 90, 95, 90, 110}, new String[] {"Frequency (MHz)", "Polarisation",
                    "Level (dBµV/m)", "Limit (dBµV/m)", "Result"}, List.of(
                    new String[] {"125.0", "vertical", "24.1", "30.0", "Pass"},
                    new String[] {"250.0", "horizontal", "31.7", "37.0", "Pass"},
                    new String[] {"375.0", "horizontal", "29.9", "37.0", "Pass"},
                    new String[] {"1250", "vertical", "44.2", "50.0", "Pass"}));
            p.footer(String.format(footer, 5));

            p = pdf.page();
            p.heading("Immunity (EN 55035)");
            p.para("Electrostatic discharge: contact 4 kV, air 8 kV; a link loss of less than 2 s recovered by itself "
                    + "(criterion B). Radiated RF: 3 V/m, 80 MHz - 6 GHz, no degradation (criterion A). Fast "
                    + "transients: 1 kV on the d.c. port; surges: 0.5 kV line to line.");
            p.footer(String.format(footer, 6));

            p = pdf.page();
            p.heading("Measurement uncertainty and test equipment");
            p.para("The expanded measurement uncertainty (k = 2) is 3.4 dB for conducted and 5.1 dB for radiated "
                    + "disturbance, below the values of CISPR 16-4-2. All instruments were within their calibration "
                    + "interval on the test dates.");
            p.footer(String.format(footer, 7));

            p = pdf.page();
            p.heading("Responsible persons");
            float top = p.y;
            p.rowHeight(34).table(new float[] {130, 120, 130, 95}, new String[] {"Name", "Function", "Signature",
                    "Date"}, List.of(
                    new String[] {"Lars Nyberg", "EMC Test Engineer", "", signatures ? "2025-02-17" : ""},
                    new String[] {"Dr. Karin Ek", "Technical Manager", "", signatures ? issued : ""}));
            if (signatures) {
                p.scribble(CorpusPdf.MARGIN + 262, top + 20 + 26, 90, number.hashCode());
                p.scribble(CorpusPdf.MARGIN + 262, top + 20 + 34 + 26, 80, number.hashCode() + 1L);
            }
            p.footer(String.format(footer, 8));
            return pdf.bytes();
        }
    }

    private static byte[] emcDeclaration(String model, boolean german) {
        try (CorpusPdf pdf = new CorpusPdf("DoC-" + model)) {
            CorpusPdf.Page p = pdf.page().at(80);
            if (german) {
                p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "EU-Konformitätserklärung").skip(32);
                p.line("Nr. KE-" + model + "-2025");
                p.line("Hersteller: Vireo Networks GmbH, Am Sandtorkai 5, 20457 Hamburg, Deutschland");
                p.line("Produkt: 8-Port-Gigabit-Ethernet-Switch");
                p.line("Modell: " + model);
                p.skip(8).para("Die alleinige Verantwortung für die Ausstellung dieser Konformitätserklärung trägt "
                        + "der Hersteller. Der oben beschriebene Gegenstand der Erklärung erfüllt die einschlägigen "
                        + "Harmonisierungsrechtsvorschriften der Union:");
                p.line("Richtlinie 2014/30/EU (elektromagnetische Verträglichkeit)");
                p.line("Richtlinie 2011/65/EU (Beschränkung gefährlicher Stoffe)");
                p.skip(8).line("Angewandte harmonisierte Normen:");
                p.line("EN 55032:2015+A11:2020, EN 55035:2017+A11:2020");
                p.skip(20).line("Unterzeichnet für und im Namen von: Vireo Networks GmbH");
                p.skip(16).line("Unterschrift:");
                p.scribble(CorpusPdf.MARGIN + 85, p.y - 6, 130, 310);
                p.skip(10).line("Dr. Jonas Weber, Geschäftsführer");
                p.line("Hamburg, 03.04.2025");
            } else {
                p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "EU Declaration of Conformity").skip(32);
                p.line("No. DoC-" + model + "-2025");
                p.line("Manufacturer: Vireo Networks GmbH, Am Sandtorkai 5, 20457 Hamburg, Germany");
                p.line("Product: 8-port Gigabit Ethernet switch");
                p.line("Model: " + model);
                p.skip(8).para("This declaration of conformity is issued under the sole responsibility of the "
                        + "manufacturer. The object of the declaration described above is in conformity with the "
                        + "relevant Union harmonisation legislation:");
                p.line("Directive 2014/30/EU (electromagnetic compatibility)");
                p.line("Directive 2011/65/EU (restriction of hazardous substances)");
                p.skip(8).line("Harmonised standards applied:");
                p.line("EN 55032:2015+A11:2020, EN 55035:2017+A11:2020");
                p.skip(20).line("Signed for and on behalf of: Vireo Networks GmbH");
                p.skip(16).line("Signature:");
                p.scribble(CorpusPdf.MARGIN + 75, p.y - 6, 130, 220);
                p.skip(10).line("Dr. Jonas Weber, Managing Director");
                p.line("Date: 2025-04-03");
            }
            return pdf.bytes();
        }
    }

    private static byte[] accreditation(boolean inspection) {
        String number = inspection ? "EAS-I-0551" : "EAS-T-1187";
        try (CorpusPdf pdf = new CorpusPdf(number)) {
            CorpusPdf.Page p = pdf.page().at(80);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 20, "ACCREDITATION CERTIFICATE").skip(30);
            p.line("European Accreditation Service (EAS)");
            p.skip(10);
            if (inspection) {
                p.para("The European Accreditation Service attests that the inspection body Orbis Test & Inspection "
                        + "GmbH, Werftstraße 3, 24143 Kiel, Germany, meets the requirements of ISO/IEC 17020:2012 "
                        + "for the inspection activities listed in the annex to this certificate.");
            } else {
                p.para("The European Accreditation Service attests that the testing laboratory Halvard EMC Test "
                        + "Centre AB, Mölndalsvägen 91, 41263 Göteborg, Sweden, meets the requirements of ISO/IEC "
                        + "17025:2017 for the conformity assessment activities listed in the annex to this "
                        + "certificate.");
            }
            p.line("Accreditation number: " + number);
            p.line("Date of issue: " + (inspection ? "2019-11-04" : "2023-02-01"));
            p.line("Valid until: " + (inspection ? "2024-11-03" : "2028-01-31"));
            p.skip(8).para("The certificate together with its annex reflects the status at the date of issue. The "
                    + "current status of the accreditation can be checked in the database of accredited bodies.");
            p.footer("Certificate " + number + " - page 1 of 2");

            p = pdf.page().at(80);
            p.heading("Annex to accreditation certificate " + number + ": scope of accreditation");
            List<String[]> rows = inspection
                    ? List.of(
                    new String[] {"Electrical safety", "Inspection of electrical installations in buildings: visual "
                            + "inspection, insulation resistance, loop impedance", "IEC 60364-6"},
                    new String[] {"Lifts", "Periodic inspection of passenger and goods lifts", "EN 81-20, EN 81-50"},
                    new String[] {"Pressure equipment", "Visual inspection of pressure vessels", "EN 13445-5"})
                    : List.of(
                    new String[] {"Electromagnetic compatibility", "Measurement of conducted disturbance at mains and "
                            + "network ports, 9 kHz - 30 MHz", "EN 55032, CISPR 32"},
                    new String[] {"Electromagnetic compatibility", "Measurement of radiated disturbance, 30 MHz - 6 "
                            + "GHz, 3 m and 10 m", "EN 55032, CISPR 32"},
                    new String[] {"Electromagnetic compatibility", "Immunity: ESD, radiated RF, fast transients, "
                            + "surges", "EN 55035, EN 61000-4-2/-3/-4/-5"});
            p.table(new float[] {120, 245, 110}, new String[] {"Field", "Activity", "Standard"}, rows);
            p.footer("Certificate " + number + " - page 2 of 2");
            return pdf.bytes();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Workflow 3: medical electrical equipment, German documents (digital signatures, German retrieval)

    private void medical() {
        SignedPdfs signer = SignedPdfs.seeded("CN=Dr. Lena Brandt, O=Medprüf Labor GmbH, C=DE", 20250312L,
                Instant.parse("2025-03-12T09:30:00Z"));
        PDRectangle field = new PDRectangle(330, 90, 205, 60);
        document("pb-medora-vs300-signed.pdf", "Prüfbericht (German; digitally signed, field on page 2)",
                signer.sign(medicalReport("MPL-25-0427", "VS-300", "IEC 60601-1:2005+A1:2012+A2:2020",
                        "12. März 2025"), 2, field, "Freigabe des Prüfberichts", "Erlangen"));
        document("pb-medora-vs310-modified.pdf", "Prüfbericht (German; signed, then changed: near miss edition, old)",
                SignedPdfs.modifiedAfterSigning(signer.sign(medicalReport("MPL-22-0139", "VS-310",
                        "IEC 60601-1:2005+A1:2012", "14. Februar 2022"), 2, field, "Freigabe des Prüfberichts",
                        "Erlangen"), "Prüfbericht MPL-22-0139 (überarbeitet)"));
        document("ke-medora-vs300.pdf", "EU-Konformitätserklärung (German, signed)", medicalDeclaration("VS-300", true));
        document("ke-medora-vs310.pdf", "EU-Konformitätserklärung (German; company only, no signatory)",
                medicalDeclaration("VS-310", false));
        document("ga-medora-vs300.pdf", "Gebrauchsanweisung (German, two columns)", instructions("VS-300", false));
        document("ga-medora-vs310.pdf", "Gebrauchsanweisung (German, two columns, ENTWURF watermark)",
                instructions("VS-310", true));

        workflow("medical-electrical-equipment.json", "Medical electrical equipment - basic safety (IEC 60601-1, MDR)",
                "Pre-assessment of a medical device file under Regulation (EU) 2017/745: test report to IEC 60601-1 "
                        + "with amendment 2, declaration, instructions for use. The documents are in German.",
                List.of(bucket("test_reports", "Test reports", true), bucket("declaration",
                        "EU Declaration of Conformity", true), bucket("ifu", "Instructions for use", true)),
                List.of(
                        criterion("tr_standard", "Test report cites IEC 60601-1 with amendment 2",
                                "The test basis is IEC 60601-1:2005+A1:2012+A2:2020.", List.of("test_reports"),
                                check("matches", "pattern", "IEC 60601-1:2005\\s*\\+\\s*A1:2012\\s*\\+\\s*A2:2020")),
                        criterion("tr_date", "Test report issued within the last 24 months",
                                "The date of issue of the test report is no older than 24 months.",
                                List.of("test_reports"), dateNotOlder(24, "Ausstellungsdatum", "Date of issue")),
                        criterion("tr_signed", "Test report is signed",
                                "The test report carries a valid digital signature covering the whole document, or a "
                                        + "handwritten signature with the name of the signatory.",
                                List.of("test_reports"), check("signed")),
                        criterion("tr_verdict", "Test report states an overall PASS verdict",
                                "The report states an overall verdict for the test item and that verdict is pass.",
                                List.of("test_reports")),
                        criterion("tr_risk", "Risk management file according to ISO 14971 was reviewed",
                                "The test report confirms that the manufacturer's risk management file was reviewed "
                                        + "and the residual risks are acceptable.", List.of("test_reports")),
                        criterion("tr_leakage", "Patient leakage current within the limits",
                                "The measured patient leakage currents are below the limits of IEC 60601-1.",
                                List.of("test_reports")),
                        criterion("doc_mdr", "Declaration names Regulation (EU) 2017/745",
                                "The declaration of conformity refers to the Medical Device Regulation (EU) 2017/745.",
                                List.of("declaration"), contains("all", "(EU) 2017/745")),
                        criterion("doc_signed", "Declaration is signed",
                                "The declaration carries a handwritten signature with the name of the signatory, or "
                                        + "a digital signature.", List.of("declaration"), check("signed")),
                        criterion("model_consistent", "Same model in test report and declaration",
                                "The type designation in the report is the model in the declaration.",
                                List.of("test_reports", "declaration"), sameValue(
                                        "(?i)(?:typbezeichnung|modell)\\s*:?\\s*([A-Z]{2}-\\d{3,4})",
                                        "test_reports", "declaration")),
                        criterion("ifu_final", "Instructions for use are a released edition",
                                "The instructions for use are not marked as a draft.", List.of("ifu"),
                                notContains("Entwurf", "draft")),
                        criterion("ifu_shock", "Instructions for use warn about electric shock",
                                "The instructions for use warn about the risk of electric shock and say how to avoid "
                                        + "it.", List.of("ifu")),
                        criterion("ifu_cleaning", "Instructions for use give cleaning and disinfection instructions",
                                "The instructions for use say how to clean and disinfect the device and which agents "
                                        + "to use.", List.of("ifu"))));

        String tr5 = "documents/pb-medora-vs300-signed.pdf";
        String doc5 = "documents/ke-medora-vs300.pdf";
        String ifu5 = "documents/ga-medora-vs300.pdf";
        kase("case-05", "medical-electrical-equipment.json", "2025-05-20",
                "German medical file: a Prüfbericht with a valid digital signature whose field is on page 2, a signed "
                        + "Konformitätserklärung, a two-column Gebrauchsanweisung. Every criterion passes.",
                docs("test_reports", tr5, "declaration", doc5, "ifu", ifu5),
                expect("tr_standard", "pass", "german_retrieval", "Prüfgrundlage: IEC 60601-1:2005+A1:2012+A2:2020.",
                        ev(tr5, 1, "IEC 60601-1:2005+A1:2012+A2:2020")),
                expect("tr_date", "pass", "german_retrieval", "Ausstellungsdatum: 12. März 2025.",
                        ev(tr5, 1, "12. März 2025")),
                expect("tr_signed", "pass", "digital_signature", "Valid PAdES signature of Dr. Lena Brandt "
                        + "(2025-03-12), covering the whole document; its field is on page 2 (Freigabe).",
                        ev(tr5, 2, null)),
                expect("tr_verdict", "pass", "german_retrieval", "Page 1: \"Gesamturteil: Der Prüfgegenstand erfüllt "
                        + "die Anforderungen der oben genannten Prüfgrundlage.\"", ev(tr5, 1, "Gesamturteil")),
                expect("tr_risk", "pass", "german_retrieval", "Page 2: the Risikomanagementakte nach ISO 14971:2019 "
                        + "was reviewed, Restrisiken vertretbar.", ev(tr5, 2, "Risikomanagementakte")),
                expect("tr_leakage", "pass", "table", "Page 3 table: Patientenableitstrom 2 µA / 14 µA against "
                        + "10 µA / 100 µA, bestanden.", ev(tr5, 3, "Patientenableitstrom")),
                expect("doc_mdr", "pass", "german_retrieval", "\"Verordnung (EU) 2017/745 über Medizinprodukte\".",
                        ev(doc5, 1, "(EU) 2017/745")),
                expect("doc_signed", "pass", "visible_signature", "\"Unterschrift:\" with a handwritten signature, "
                        + "next line Dr. Miriam Hoffmann, Geschäftsführerin; Tuttlingen, 03.03.2025 above.",
                        ev(doc5, 1, "Miriam Hoffmann")),
                expect("model_consistent", "pass", "german_retrieval", "Typbezeichnung VS-300 in the report, Modell "
                        + "VS-300 in the declaration.", ev(tr5, 1, "VS-300"), ev(doc5, 1, "VS-300")),
                expect("ifu_final", "pass", "two_column", "Ausgabe 2.1, released; no Entwurf.", List.of()),
                expect("ifu_shock", "pass", "german_retrieval", "Page 2, left column: \"WARNUNG - Stromschlaggefahr\","
                        + " only connect to a supply with protective earth, do not open the housing.",
                        ev(ifu5, 2, "Stromschlaggefahr")),
                expect("ifu_cleaning", "pass", "german_retrieval", "Page 3: \"Reinigung und Desinfektion\" with the "
                        + "agents (70 % Isopropanol).", ev(ifu5, 3, "Reinigung und Desinfektion")));

        String tr6 = "documents/pb-medora-vs310-modified.pdf";
        String doc6 = "documents/ke-medora-vs310.pdf";
        String ifu6 = "documents/ga-medora-vs310.pdf";
        kase("case-06", "medical-electrical-equipment.json", "2025-05-20",
                "German medical file with traps: the Prüfbericht was changed after its digital signature, cites the "
                        + "edition without amendment 2 and is three years old; the declaration names only the company "
                        + "after \"Unterzeichnet für und im Namen von\"; the IFU carries an ENTWURF watermark.",
                docs("test_reports", tr6, "declaration", doc6, "ifu", ifu6),
                expect("tr_standard", "fail", "near_miss", "Prüfgrundlage IEC 60601-1:2005+A1:2012: amendment 2 "
                        + "(A2:2020) is missing.", ev(tr6, 1, "IEC 60601-1:2005+A1:2012")),
                expect("tr_date", "fail", "negative", "Ausstellungsdatum 14. Februar 2022: older than 24 months on "
                        + "2025-05-20.", ev(tr6, 1, "14. Februar 2022")),
                expect("tr_signed", "fail", "digital_signature", "The signature of Dr. Lena Brandt (field on page 2) "
                        + "verifies, but an incremental update was appended after signing: it does not cover the "
                        + "document as submitted, and there is no handwritten signature.", ev(tr6, 2, null)),
                expect("tr_verdict", "pass", "german_retrieval", "Page 1: \"Gesamturteil: Der Prüfgegenstand erfüllt "
                        + "die Anforderungen ...\".", ev(tr6, 1, "Gesamturteil")),
                expect("tr_risk", "pass", "german_retrieval", "Page 2: Risikomanagementakte nach ISO 14971 reviewed.",
                        ev(tr6, 2, "Risikomanagementakte")),
                expect("tr_leakage", "pass", "table", "Page 3 table: Patientenableitstrom within limits.",
                        ev(tr6, 3, "Patientenableitstrom")),
                expect("doc_mdr", "pass", "german_retrieval", "Verordnung (EU) 2017/745 named.",
                        ev(doc6, 1, "(EU) 2017/745")),
                expect("doc_signed", "fail", "negative", "Only \"Signed for and on behalf of / Unterzeichnet für und im "
                        + "Namen von: Medora Medizintechnik GmbH\": a company, no signature, no signatory.", List.of()),
                expect("model_consistent", "pass", null, "VS-310 in both.", ev(tr6, 1, "VS-310"),
                        ev(doc6, 1, "VS-310")),
                expect("ifu_final", "fail", "negative", "A large grey ENTWURF watermark across every page.",
                        ev(ifu6, 1, "ENTWURF")),
                expect("ifu_shock", "pass", "german_retrieval", "Page 2: \"WARNUNG - Stromschlaggefahr\".",
                        ev(ifu6, 2, "Stromschlaggefahr")),
                expect("ifu_cleaning", "pass", "german_retrieval", "Page 3: \"Reinigung und Desinfektion\".",
                        ev(ifu6, 3, "Reinigung und Desinfektion")));
    }

    private static byte[] medicalReport(String number, String model, String standard, String issued) {
        try (CorpusPdf pdf = new CorpusPdf(number)) {
            String footer = "Prüfbericht " + number + " - Seite %d von 3";
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 20, "PRÜFBERICHT").skip(34);
            p.line("Berichtsnummer: " + number);
            p.line("Ausstellungsdatum: " + issued);
            p.line("Prüflaboratorium: Medprüf Labor GmbH, Am Weichselgarten 7, 91058 Erlangen");
            p.line("Auftraggeber: Medora Medizintechnik GmbH, Zeppelinstraße 4, 78532 Tuttlingen");
            p.line("Prüfgegenstand: Patientenmonitor VitaSense");
            p.line("Typbezeichnung: " + model);
            p.line("Bemessungsdaten: 100-240 V~, 50/60 Hz, 60 VA; Schutzklasse I; Anwendungsteile Typ BF");
            p.skip(6).para("Prüfgrundlage: " + standard + " (Medizinische elektrische Geräte - Teil 1: Allgemeine "
                    + "Festlegungen für die Sicherheit einschließlich der wesentlichen Leistungsmerkmale)");
            p.skip(6).para("Gesamturteil: Der Prüfgegenstand erfüllt die Anforderungen der oben genannten "
                    + "Prüfgrundlage.");
            p.footer(String.format(footer, 1));

            p = pdf.page().at(70);
            p.heading("Risikomanagement");
            p.para("Die Risikomanagementakte des Herstellers nach ISO 14971:2019 (Dokument RM-" + model
                    + ", Revision C) wurde eingesehen. Die für die Basissicherheit relevanten Gefährdungen sind "
                    + "identifiziert, bewertet und beherrscht; die Restrisiken wurden vom Hersteller als vertretbar "
                    + "eingestuft und sind in der Gebrauchsanweisung offengelegt.");
            p.heading("Prüfumfang");
            p.para("Geprüft wurden die Abschnitte 4 bis 17 der Prüfgrundlage am Baumuster mit der Seriennummer "
                    + "VS25-00017. Die Prüfungen fanden vom 10. bis 28. Februar im Labor Erlangen statt.");
            p.heading("Freigabe");
            p.para("Dieser Prüfbericht wurde nach der fachlichen Prüfung durch die Laborleitung elektronisch "
                    + "freigegeben. Die Freigabe ist im Feld unten rechts auf dieser Seite hinterlegt.");
            p.footer(String.format(footer, 2));

            p = pdf.page().at(70);
            p.heading("Messergebnisse: Ableitströme (Abschnitt 8.7)");
            p.table(new float[] {200, 85, 105, 85}, new String[] {"Messung", "Messwert", "Grenzwert (NC)",
                    "Ergebnis"}, List.of(
                    new String[] {"Erdableitstrom", "180 µA", "5000 µA", "bestanden"},
                    new String[] {"Berührungsstrom", "22 µA", "100 µA", "bestanden"},
                    new String[] {"Patientenableitstrom, Gleichstrom (Typ BF)", "2 µA", "10 µA", "bestanden"},
                    new String[] {"Patientenableitstrom, Wechselstrom (Typ BF)", "14 µA", "100 µA", "bestanden"}));
            p.heading("Spannungsfestigkeit (Abschnitt 8.8.3)");
            p.para("Netzteil primär gegen Anwendungsteil: 4000 V für 60 s, kein Durchschlag.");
            p.footer(String.format(footer, 3));
            return pdf.bytes();
        }
    }

    private static byte[] medicalDeclaration(String model, boolean signed) {
        try (CorpusPdf pdf = new CorpusPdf("KE-" + model)) {
            CorpusPdf.Page p = pdf.page().at(70);
            p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "EU-Konformitätserklärung").skip(30);
            p.line("Hersteller: Medora Medizintechnik GmbH, Zeppelinstraße 4, 78532 Tuttlingen, Deutschland");
            p.line("SRN: DE-MF-000041872");
            p.line("Produkt: Patientenmonitor VitaSense");
            p.line("Modell: " + model);
            p.line("Basis-UDI-DI: 426012345VS" + model.substring(3) + "K7");
            p.line("Risikoklasse: IIb (Regel 10)");
            p.skip(6).para("Hiermit erklären wir in alleiniger Verantwortung, dass das oben genannte Produkt die "
                    + "Anforderungen der Verordnung (EU) 2017/745 über Medizinprodukte erfüllt.");
            p.para("Angewandte Normen: EN 60601-1:2006+A1:2013+A12:2014+A2:2021, EN 60601-1-2:2015+A1:2021, "
                    + "EN ISO 14971:2019+A11:2021");
            p.para("Benannte Stelle: Certimed GmbH, Kennnummer 2977; Zertifikat MDR-2977-04411.");
            p.skip(12).line("Ausgestellt in Tuttlingen am 03.03.2025");
            if (signed) {
                p.skip(14).line("Unterschrift:");
                p.scribble(CorpusPdf.MARGIN + 80, p.y - 6, 120, 5300);
                p.skip(8).line("Dr. Miriam Hoffmann, Geschäftsführerin");
            } else {
                p.skip(6).line("Signed for and on behalf of / Unterzeichnet für und im Namen von:");
                p.line("Medora Medizintechnik GmbH");
            }
            return pdf.bytes();
        }
    }

    private static byte[] instructions(String model, boolean draft) {
        try (CorpusPdf pdf = new CorpusPdf("GA-" + model + (draft ? "-entwurf" : ""))) {
            String edition = draft ? "Ausgabe 2.0, Januar 2025" : "Ausgabe 2.1, Februar 2025";
            List<List<List<String>>> pages = List.of(
                    List.of(List.of("## Zweckbestimmung",
                                    "Der Patientenmonitor VitaSense " + model + " dient der Überwachung von EKG, "
                                            + "Sauerstoffsättigung (SpO2) und nichtinvasivem Blutdruck bei "
                                            + "Erwachsenen in Krankenhäusern.",
                                    "## Anwender",
                                    "Ärzte und Pflegekräfte, die in die Bedienung eingewiesen wurden."),
                            List.of("## Inhalt",
                                    "1 Sicherheitshinweise ... 2",
                                    "2 Reinigung und Wartung ... 3",
                                    "3 Technische Daten ... 4")),
                    List.of(List.of("## 1 Sicherheitshinweise",
                                    "WARNUNG - Stromschlaggefahr: Das Gerät nur an ein Versorgungsnetz mit "
                                            + "Schutzleiter anschließen. Das Gehäuse nicht öffnen. Vor "
                                            + "Wartungsarbeiten den Netzstecker ziehen.",
                                    "VORSICHT - Nur Zubehör und Sensoren des Herstellers verwenden; fremdes Zubehör "
                                            + "kann die Ableitströme erhöhen."),
                            List.of("## Defibrillation",
                                    "Die Anwendungsteile sind defibrillationsgeschützt. Während der Defibrillation "
                                            + "den Patienten und das Bett nicht berühren.",
                                    "## Elektromagnetische Verträglichkeit",
                                    "Tragbare Funkgeräte mindestens 30 cm vom Monitor entfernt halten.")),
                    List.of(List.of("## 2 Reinigung und Desinfektion",
                                    "Oberflächen des Monitors mit einem weichen Tuch und einem Desinfektionsmittel auf "
                                            + "Alkoholbasis (z. B. 70 % Isopropanol) abwischen. Keine Flüssigkeit in "
                                            + "Öffnungen eindringen lassen. Keine Sprays verwenden.",
                                    "Sensoren und Manschetten nach jedem Patienten gemäß der Anleitung des "
                                            + "Sensorherstellers aufbereiten."),
                            List.of("## Wartung",
                                    "Sicherheitstechnische Kontrolle alle 24 Monate durch den Service des "
                                            + "Herstellers oder eine beauftragte Fachkraft.",
                                    "Der Akku ist nach drei Jahren zu ersetzen.")),
                    List.of(List.of("## 3 Technische Daten",
                                    "Versorgung: 100-240 V~, 50/60 Hz, 60 VA",
                                    "Schutzklasse I, Anwendungsteile Typ BF",
                                    "Schutzart: IP21"),
                            List.of("## Entsorgung",
                                    "Das Gerät nicht mit dem Hausmüll entsorgen. Rücknahme über den Hersteller.")));
            for (int i = 0; i < pages.size(); i++) {
                CorpusPdf.Page p = pdf.page().at(70);
                if (i == 0) {
                    p.text(CorpusPdf.MARGIN, CorpusPdf.BOLD, 18, "Gebrauchsanweisung").skip(26);
                    p.text(CorpusPdf.MARGIN, CorpusPdf.REGULAR, 13, "Patientenmonitor VitaSense " + model + " - "
                            + edition).skip(30);
                }
                p.twoColumns(pages.get(i).get(0), pages.get(i).get(1));
                if (draft) {
                    p.watermark("ENTWURF");
                }
                p.footer("VitaSense " + model + " - " + edition + " - Seite " + (i + 1));
            }
            return pdf.bytes();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON: workflows and cases in the layout of ../shared/samples

    private void document(String file, String kind, byte[] content) {
        try {
            Files.write(out.resolve("documents").resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kinds.put(file, kind);
    }

    private void workflow(String file, String name, String description, List<Map<String, Object>> buckets,
                          List<Map<String, Object>> criteria) {
        for (int i = 0; i < buckets.size(); i++) {
            buckets.get(i).put("order", i);
        }
        for (int i = 0; i < criteria.size(); i++) {
            Map<String, Object> criterion = criteria.get(i);
            Object checks = criterion.remove("checks");
            criterion.put("order", i);
            if (checks != null) {
                criterion.put("checks", checks);
            }
        }
        workflows.put(file, map("name", name, "description", description, "buckets", buckets, "criteria", criteria));
    }

    private static Map<String, Object> bucket(String key, String name, boolean required) {
        return map("key", key, "name", name, "required", required);
    }

    @SafeVarargs
    private static Map<String, Object> criterion(String key, String name, String description, List<String> appliesTo,
                                                 Map<String, Object>... checks) {
        Map<String, Object> criterion = map("key", key, "name", name, "description", description, "applies_to",
                appliesTo, "severity", "required");
        if (checks.length > 0) {
            criterion.put("checks", List.of(checks));
        }
        return criterion;
    }

    private static Map<String, Object> check(String type, Object... fields) {
        Map<String, Object> check = map("type", type);
        check.putAll(map(fields));
        return check;
    }

    private static Map<String, Object> contains(String mode, String... phrases) {
        return check("contains", mode, List.of(phrases));
    }

    private static Map<String, Object> notContains(String... phrases) {
        return check("not_contains", "any", List.of(phrases));
    }

    private static Map<String, Object> dateNotOlder(int months, String... near) {
        return check("date_not_older", "near", List.of(near), "months", months);
    }

    private static Map<String, Object> sameValue(String pattern, String... across) {
        return check("same_value", "pattern", pattern, "across", List.of(across));
    }

    private static List<Map<String, Object>> docs(String... bucketFile) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < bucketFile.length; i += 2) {
            documents.add(map("bucket", bucketFile[i], "file", bucketFile[i + 1]));
        }
        return documents;
    }

    private static Map<String, Object> ev(String file, int page, String quote) {
        return map("file", file, "page", page, "quote_contains", quote);
    }

    @SafeVarargs
    private static Map<String, Object> expect(String key, String verdict, String kind, String why,
                                              Map<String, Object>... evidence) {
        return expect(key, verdict, kind, why, Arrays.asList(evidence));
    }

    private static Map<String, Object> expect(String key, String verdict, String kind, String why,
                                              List<Map<String, Object>> evidence) {
        Map<String, Object> expected = map("criterion", key, "verdict", verdict);
        if (kind != null) {
            expected.put("class", kind);
        }
        expected.put("evidence", evidence);
        expected.put("why", why);
        return expected;
    }

    @SafeVarargs
    private void kase(String name, String workflow, String date, String note, List<Map<String, Object>> documents,
                      Map<String, Object>... expected) {
        cases.add(map("case", name, "workflow", "workflows/" + workflow, "documents", documents, "assessment_date",
                date, "expected", List.of(expected)));
        caseNotes.put(name, note);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // README

    @SuppressWarnings("unchecked")
    private String readme() throws IOException {
        StringBuilder md = new StringBuilder();
        int criteria = 0;
        int withChecks = 0;
        int pass = 0;
        Map<String, int[]> classes = new TreeMap<>();
        for (Map<String, Object> kase : cases) {
            Map<String, Object> workflow = workflows.get(((String) kase.get("workflow")).substring(10));
            for (Map<String, Object> expected : (List<Map<String, Object>>) kase.get("expected")) {
                criteria++;
                pass += expected.get("verdict").equals("pass") ? 1 : 0;
                for (Map<String, Object> criterion : (List<Map<String, Object>>) workflow.get("criteria")) {
                    if (criterion.get("key").equals(expected.get("criterion")) && criterion.containsKey("checks")) {
                        withChecks++;
                    }
                }
                String kind = (String) expected.getOrDefault("class", "(none)");
                int[] counts = classes.computeIfAbsent(kind, k -> new int[2]);
                counts[expected.get("verdict").equals("pass") ? 0 : 1]++;
            }
        }
        int totalPages = 0;
        StringBuilder table = new StringBuilder("| file | kind | pages |\n|---|---|---|\n");
        for (Map.Entry<String, String> document : kinds.entrySet()) {
            try (PDDocument pdf = Loader.loadPDF(out.resolve("documents").resolve(document.getKey()).toFile())) {
                totalPages += pdf.getNumberOfPages();
                table.append("| ").append(document.getKey()).append(" | ").append(document.getValue()).append(" | ")
                        .append(pdf.getNumberOfPages()).append(" |\n");
            }
        }
        md.append("# Qteria accuracy corpus (issue 16)\n\n");
        md.append("Generated by `bench/accuracy/generate.sh` (`src/test/java/com/qteria/bench/accuracy/"
                + "AccuracyCorpus.java`): fixed seeds, dates and document IDs; do not edit by hand. Fictitious "
                + "companies, products, people and reports; any resemblance to real ones is coincidental.\n\n");
        md.append("Layout as in `../shared/samples`: `workflows/*.json` (API.md import format), `documents/*.pdf`, "
                + "`cases/case-NN.json` (workflow, documents per bucket, assessment date, and per criterion the "
                + "`verdict` a careful reviewer gives, the `evidence` page(s) a reviewer opens with a short "
                + "`quote_contains` of that page - `null` for a digital signature, whose evidence is the page of "
                + "its field - the `class` of failure it exercises and `why`). For a fail on absence the evidence is "
                + "the near-miss passage (the closest candidate). Scanned pages have no text layer: their quotes are "
                + "what OCR (tesseract eng+deu) reads.\n\n");
        md.append("## Figures\n\n");
        md.append(String.format("- %d workflows, %d documents (%d pages), %d cases, %d labelled criteria: %d pass / %d "
                        + "fail; %d decided by checks, %d by reading (no checks).%n", workflows.size(), kinds.size(),
                totalPages, cases.size(), criteria, pass, criteria - pass, withChecks, criteria - withChecks));
        md.append("- Per class (pass / not pass): ");
        List<String> parts = new ArrayList<>();
        classes.forEach((kind, counts) -> parts.add("`" + kind + "` " + counts[0] + " / " + counts[1]));
        md.append(String.join(", ", parts)).append(".\n\n");
        md.append("## Documents\n\n").append(table).append("\n## Cases\n\n");
        for (Map<String, Object> kase : cases) {
            md.append("- **").append(kase.get("case")).append("** (`").append(kase.get("workflow")).append("`, ")
                    .append(kase.get("assessment_date")).append("): ").append(caseNotes.get(kase.get("case")))
                    .append("\n");
        }
        return md.toString();
    }
}
