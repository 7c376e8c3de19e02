package com.qteria.assessment.web;

import static com.qteria.shared.SpreadsheetCells.safe;

import com.qteria.assessment.AssessmentReport;
import com.qteria.assessment.AssessmentView;
import com.qteria.assessment.CriterionResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * The export files of a completed assessment: the PDF ({@link ReportPdf}), the CSV (one row per criterion in the workflow's order, the columns
 * of {@link #COLUMNS}, UTF-8 with a byte order mark so that Excel reads it as UTF-8, RFC 4180 quoting, every text cell
 * neutralised against formula injection) and the JSON ({@link AssessmentReport}), each as an attachment named
 * {@code assessment-<reference or id>.<format>}.
 */
final class ReportFiles {

    /** The CSV's columns, a stable contract (README "Assessments"). */
    static final String[] COLUMNS = {"criterion_key", "criterion_name", "severity", "verdict", "machine_verdict",
            "confidence", "source", "reviewed_by", "review_comment", "reasoning", "evidence"};

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int NAME_LIMIT = 100;

    private ReportFiles() {
    }

    static ResponseEntity<byte[]> csv(AssessmentReport report) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(text)) {
            for (CriterionResult r : report.results()) {
                csv.printRecord(safe(r.criterion().key()), safe(r.criterion().name()), r.criterion().severity().key(),
                        r.verdict().json(), r.machineVerdict().json(), r.confidence().json(), r.source().json(),
                        r.review() == null ? "" : safe(r.review().by().name()),
                        r.review() == null ? "" : safe(r.review().comment()), safe(r.reasoning()),
                        safe(r.evidence().stream().map(e -> e.documentName() + " p. " + e.page() + ": " + e.inWords())
                                .collect(Collectors.joining("\n"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report.assessment(), "csv")).body(withBom);
    }

    static ResponseEntity<AssessmentReport> json(AssessmentReport report) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(report.assessment(), "json")).body(report);
    }

    static ResponseEntity<byte[]> pdf(AssessmentView assessment, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(assessment, "pdf")).body(pdf);
    }

    /**
     * {@code attachment; filename="assessment-<reference, else id>.<extension>"}, the name cut to safe characters; when
     * the reference has letters beyond ASCII ("Prüfung"), also {@code filename*} (RFC 6266/5987) with them kept, which
     * browsers prefer, the plain {@code filename} staying for the others.
     */
    private static String attachment(AssessmentView assessment, String extension) {
        String ascii = name(assessment, "[^A-Za-z0-9._-]+", extension);
        String unicode = name(assessment, "[^\\p{L}\\p{N}._-]+", extension);
        String header = ContentDisposition.attachment().filename(ascii).build().toString();
        return unicode.equals(ascii) ? header
                : header + "; filename*=UTF-8''" + UriUtils.encode(unicode, StandardCharsets.UTF_8);
    }

    private static String name(AssessmentView assessment, String unsafe, String extension) {
        String reference = assessment.reference() == null ? "" : assessment.reference()
                .replaceAll(unsafe, "-").replaceAll("^[-.]+|[-.]+$", "");
        if (reference.length() > NAME_LIMIT) {
            reference = reference.substring(0, NAME_LIMIT);
        }
        return "assessment-" + (reference.isEmpty() ? assessment.id().toString() : reference) + "." + extension;
    }
}
