package com.qteria.evaluation.checks;

import com.qteria.evaluation.CheckResult;
import com.qteria.evaluation.Evidence;
import com.qteria.evaluation.Reason;
import com.qteria.evaluation.SignatureFact;
import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import com.qteria.evaluation.text.Span;
import com.qteria.workflow.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code signed}: a valid digital signature, or a visible signature block — a signature label (Signature, Signed by,
 * Unterschrift, gez. …) followed by a person's name or a date, or a signature table whose rows give a name and a date.
 * <p>
 * Decisions, made to keep false passes out:
 * <ul>
 * <li>"Followed by" means: right after the label on its line (after a colon or a parenthesis such as
 *     "(name, signature)"), or — when nothing else follows the label on its line — at the start of the next line
 *     (signature tables: "Tested by (name, signature)" above "Anna Keller").</li>
 * <li>A drawn signature is no text: on a scan read by OCR it leaves nothing, or a few characters of noise, after the
 *     label. Then the printed name and a date on the next lines count ("Signature:" / scribble / "Jan Petersen" /
 *     "Hamburg, 10 March 2025"), both of them, within four lines; a blank to fill in ("Signature: ______") stops the
 *     search.</li>
 * <li>A signature table is a header row made of column names only, one of them a signature label and one a date
 *     ("Name | Function | Signature | Date"); it counts when one of the rows below it (eight lines at most) gives a
 *     person's name and a date. Names with empty date cells (a form not yet signed) do not count. A header without a
 *     date column ("Tested by (name, signature)") is a label like any other.</li>
 * <li>A person's name is two to four capitalised words (titles such as Dr. and particles such as "de", "von"
 *     allowed), none of them a role or form word (Director, Date, Name…), not followed by a company form (GmbH, Ltd,
 *     B.V.…). "Signed for and on behalf of: Kestrel Power Systems B.V." is therefore no signature; a heading
 *     "Signatures" followed by a sentence is none either.</li>
 * <li>A date counts when it comes within three words ("Signature: Hamburg, 2025-03-10").</li>
 * <li>A digital signature counts only when it verifies and covers the whole document: one that does not verify is
 *     named in the explanation; a file changed after it was signed (an incremental update appended) is not signed as
 *     it stands — the check fails, naming the signature, unless a visible signature block passes it. The evidence of
 *     a digital signature is the page its field is shown on (page 1 when on none), with signer, time and coverage.</li>
 * </ul>
 */
final class SignedCheck {

    private static final Pattern LABEL = Pattern.compile("(?iu)(?<![\\p{L}])(signed\\s+by|signatures?|signed"
            + "|unterschrift(?:en)?|unterzeichnet(?:\\s+von)?|signiert(?:\\s+von)?|gez\\.)(?![\\p{L}])");
    private static final Pattern FILLER = Pattern.compile("(?:[\\s:;,.)\\]|]|\\([^)\\n]{0,60}\\))*");
    private static final String WORD = "(?:\\p{Lu}\\p{Ll}+(?:[-'\u2019]\\p{Lu}\\p{Ll}+)?|\\p{Lu}\\.)";
    private static final String PARTICLE = "(?:von|van|de|der|den|du|da|di|dos|la|le|zu|ten|ter|af|bin|el)";
    private static final Pattern NAME = Pattern.compile("(?:(?:Dr|Prof|Ing|Dipl\\.-Ing|Mag|Mr|Mrs|Ms|Herr|Frau)\\.? )*"
            + WORD + "(?: (?:" + PARTICLE + " )*" + WORD + "){1,4}");
    private static final Pattern COMPANY = Pattern.compile("(?<![\\p{L}])(?:GmbH|Ltd|B\\.V|Inc|AG|KG|SE|LLC|Corp"
            + "|Co\\.|S\\.A|d\\.o\\.o|plc|Limited|e\\.V|N\\.V|S\\.p\\.A|S\\.r\\.l|Oy|AB|A/S)(?![\\p{L}])");
    /** A form's label before a printed name or a date on the lines after a drawn signature ("Name:", "Datum:"). */
    private static final Pattern FIELD_LABEL = Pattern.compile("(?iu)(?:printed\\s+name|name\\s+in\\s+block\\s+letters"
            + "|name|date|datum|place\\s+and\\s+date|place,\\s*date|ort\\s+und\\s+datum|ort,\\s*datum|name\\s+in"
            + "\\s+druckbuchstaben)\\s*:\\s*");
    /** A blank to be filled in: a signature line that was not signed. */
    private static final Pattern BLANK = Pattern.compile("_{3,}|\\.{6,}|-{6,}");
    private static final Set<String> TITLES = Set.of("dr", "prof", "ing", "dipl.-ing", "mag", "mr", "mrs", "ms",
            "herr", "frau");
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "not", "none", "no", "date",
            "place", "name", "names", "function", "signature", "signed", "stamp", "page", "director", "manager",
            "engineer", "officer", "reviewer", "head", "quality", "technical", "managing", "chief", "test", "tested",
            "approved", "reviewed", "by", "company", "department", "title", "position", "role", "for", "on", "of",
            "datum", "ort", "funktion", "unterschrift", "stempel", "geschäftsführer", "leiter", "prüfer", "president",
            "ceo", "cto", "representative", "authorised", "authorized", "responsible", "person", "and", "or",
            "declaration", "report", "document", "issued", "issue", "revision", "version");
    /** The words a signature table's header row is made of, besides the signature label. */
    private static final Set<String> COLUMNS = Set.of("name", "names", "function", "role", "position", "title",
            "date", "company", "organisation", "organization", "department", "place", "initials", "responsibility",
            "prepared", "reviewed", "approved", "released", "checked", "tested", "by", "and", "of", "datum",
            "funktion", "rolle", "ort", "firma", "abteilung", "stelle", "erstellt", "geprüft", "freigegeben", "von",
            "und", "vorname", "nachname", "printed", "stamp", "stempel");
    private static final int TABLE_ROWS = 8;
    private static final int NOISE = 24;
    /**
     * A word of five letters or more as words are written — lower case after an optional capital, or all capitals —
     * standing alone: OCR noise runs letters into digits or symbols ("layayar2>->") or mixes cases ("NIDaLs").
     */
    private static final Pattern WORD_OF_FIVE = Pattern.compile("(?<![^\\s(\"'])(?:\\p{Lu}?\\p{Ll}{4,}|\\p{Lu}{5,})"
            + "(?=[\\s.,;:)\"']|$)");
    private static final int PRINTED_LINES = 4;

    private SignedCheck() {
    }

    /** A visible signature block: the quote, and who signed when, as far as the block says. */
    private record Block(Evidence evidence, String signer, String date) {
    }

    /** Where a block's signer and date were found, in the normalised text. */
    private record Found(Span quoted, Span signer, Span date) {
    }

    static CheckResult run(Check.Signed check, List<DocumentText> documents) {
        List<Evidence> evidence = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        List<Reason> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            List<SignatureFact> valid = document.document().signatures().stream().filter(SignatureFact::valid)
                    .toList();
            Optional<SignatureFact> digital = valid.stream().filter(SignatureFact::coversWholeDocument).findFirst();
            Optional<SignatureFact> changed = digital.isPresent() ? Optional.empty() : valid.stream().findFirst();
            Optional<Block> block = visibleBlock(document);
            digital.or(() -> changed).ifPresent(fact -> evidence.add(Evidence.digitalSignature(document.document(),
                    fact.page() == null || fact.page() > document.pageCount() ? 1 : fact.page(), fact)));
            block.ifPresent(b -> evidence.add(b.evidence()));
            if (digital.isPresent()) {
                passes.add(digitally(document, digital.get()));
            } else if (block.isPresent()) {
                Block b = block.get();
                changed.ifPresent(fact -> passes.add(digitally(document, fact)));
                passes.add(new Reason.SignatureBlock(document.name(), b.evidence().page(), b.signer(), b.date()));
            } else if (changed.isPresent()) {
                failures.add(digitally(document, changed.get()));
            } else {
                List<String> invalid = document.document().signatures().stream().map(SignatureFact::signer).toList();
                failures.add(new Reason.NotSigned(document.name(), invalid, document.pagesWithoutText()));
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), passes, evidence)
                : CheckResult.fail(check.type(), failures, evidence);
    }

    private static Reason digitally(DocumentText document, SignatureFact fact) {
        return new Reason.DigitallySigned(document.name(), fact.signer(), !fact.coversWholeDocument(),
                fact.signedAt() == null ? null : fact.signedAt().toString(), fact.page());
    }

    /** The first signature block of the document: from the start of the label's line (or table row) to the name or date. */
    private static Optional<Block> visibleBlock(DocumentText document) {
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.LINES);
            String s = text.text();
            Matcher label = LABEL.matcher(s);
            while (label.find()) {
                int lineStart = s.lastIndexOf('\n', label.start()) + 1;
                Optional<Found> found = tableHeader(s, lineStart, label)
                        ? tableRow(s, lineEnd(s, label.end()))
                        : signerAfter(s, label.end()).map(f -> new Found(new Span(lineStart, f.quoted().end()),
                                f.signer(), f.date()));
                if (found.isPresent()) {
                    Found f = found.get();
                    return Optional.of(new Block(document.quoteExactly(page, text, f.quoted()),
                            original(document, page, text, f.signer()), original(document, page, text, f.date())));
                }
            }
        }
        return Optional.empty();
    }

    private static String original(DocumentText document, int page, NormalizedText text, Span span) {
        return span == null ? null : document.quoteExactly(page, text, span).quote().strip().replaceAll("\\s+", " ");
    }

    /** The label's line is a table's header row: column names only, at least one besides the signature label. */
    private static boolean tableHeader(String s, int lineStart, Matcher label) {
        String rest = s.substring(lineStart, label.start()) + " " + s.substring(label.end(), lineEnd(s, label.end()));
        boolean date = false;
        for (String token : rest.toLowerCase(Locale.ROOT).split("[\\s|/,;:()\\[\\]]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(token) && !LABEL.matcher(token).matches()) {
                return false;
            }
            date |= token.equals("date") || token.equals("datum");
        }
        return date;
    }

    /** The first row below a signature table's header that gives a person's name and a date (on its line or the next). */
    private static Optional<Found> tableRow(String s, int headerEnd) {
        int at = headerEnd + 1;
        for (int row = 0; row < TABLE_ROWS && at < s.length(); row++) {
            int end = lineEnd(s, at);
            Optional<Span> name = nameIn(s, at, end);
            if (name.isPresent()) {
                int from = name.get().end();
                Optional<Span> date = WrittenDate.first(s, from, end).map(WrittenDate::span)
                        .or(() -> end < s.length() ? WrittenDate.first(s, end + 1, lineEnd(s, end + 1))
                                .map(WrittenDate::span) : Optional.empty());
                if (date.isPresent()) {
                    return Optional.of(new Found(new Span(name.get().start(), date.get().end()), name.get(),
                            date.get()));
                }
            }
            at = end + 1;
        }
        return Optional.empty();
    }

    /** A person's name starting at any word of the line. */
    private static Optional<Span> nameIn(String s, int at, int end) {
        for (int i = at; i < end; i++) {
            if (i == at || !Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isUpperCase(s.charAt(i))) {
                Optional<Span> name = name(s, i, end);
                if (name.isPresent()) {
                    return name;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> signerAfter(String s, int after) {
        int lineEnd = lineEnd(s, after);
        Matcher filler = FILLER.matcher(s).region(after, lineEnd);
        int content = filler.lookingAt() ? filler.end() : after;
        if (content < lineEnd) {
            Optional<Found> here = nameOrDate(s, content, lineEnd);
            if (here.isPresent() || !noise(s.substring(content, lineEnd))) {
                return here;
            }
        }
        if (lineEnd >= s.length()) {
            return Optional.empty();
        }
        return nameOrDate(s, lineEnd + 1, lineEnd(s, lineEnd + 1)).or(() -> printedNameAndDate(s, lineEnd + 1));
    }

    /**
     * After a drawn signature: the printed name (after a "Name:" label, if any) on one of the next lines, past lines of
     * OCR noise, and a date on its line or the two after it.
     */
    private static Optional<Found> printedNameAndDate(String s, int from) {
        int at = from;
        for (int line = 0; line < PRINTED_LINES && at < s.length(); line++) {
            int end = lineEnd(s, at);
            int content = afterFieldLabel(s, at, end);
            Optional<Span> name = name(s, content, end);
            if (name.isPresent()) {
                Optional<Span> date = dateNear(s, name.get().end(), end);
                return date.map(d -> new Found(new Span(name.get().start(), d.end()), name.get(), d));
            }
            if (!noise(s.substring(at, end))) {
                return Optional.empty();
            }
            at = end + 1;
        }
        return Optional.empty();
    }

    /** A date after {@code from} on its line, or (after a "Date:" label, if any) at the start of the next two lines. */
    private static Optional<Span> dateNear(String s, int from, int end) {
        Optional<Span> here = WrittenDate.first(s, from, end).map(WrittenDate::span);
        if (here.isPresent()) {
            return here;
        }
        int at = end + 1;
        for (int line = 0; line < 2 && at < s.length(); line++) {
            int lineEnd = lineEnd(s, at);
            int content = afterFieldLabel(s, at, lineEnd);
            int start = content;
            Optional<Span> date = WrittenDate.first(s, content, lineEnd)
                    .filter(d -> s.substring(start, d.span().start()).split(" ").length <= 3)
                    .map(WrittenDate::span);
            if (date.isPresent()) {
                return date;
            }
            at = lineEnd + 1;
        }
        return Optional.empty();
    }

    private static int afterFieldLabel(String s, int at, int end) {
        Matcher label = FIELD_LABEL.matcher(s).region(at, end);
        return label.lookingAt() ? label.end() : at;
    }

    /**
     * What OCR makes of a drawn signature, or nothing: a short run of characters ({@value #NOISE} at most) without a
     * word of five letters or more ("layayar2>->", "NIDaLs", "~ Jf/") and without a blank to fill in.
     */
    private static boolean noise(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return true;
        }
        return t.length() <= NOISE && !BLANK.matcher(t).find() && !WORD_OF_FIVE.matcher(t).find();
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    private static Optional<Found> nameOrDate(String s, int at, int end) {
        Optional<Span> name = name(s, at, end);
        if (name.isPresent()) {
            Optional<Span> date = dateNear(s, name.get().end(), end);
            return Optional.of(new Found(date.map(d -> new Span(at, d.end())).orElse(name.get()), name.get(),
                    date.orElse(null)));
        }
        return WrittenDate.first(s, at, end)
                .filter(d -> s.substring(at, d.span().start()).split(" ").length <= 3)
                .map(d -> new Found(d.span(), null, d.span()));
    }

    private static Optional<Span> name(String s, int at, int end) {
        Matcher m = NAME.matcher(s).region(at, end);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        int kept = 0;
        int nameEnd = at;
        int position = at;
        for (String token : s.substring(at, m.end()).split(" ")) {
            String word = token.toLowerCase(Locale.ROOT);
            String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
            boolean title = kept == 0 && TITLES.contains(bare);
            if (!title && (NOT_NAMES.contains(bare) || TITLES.contains(bare))) {
                break;
            }
            position += token.length();
            if (!title) {
                kept++;
                nameEnd = position;
            }
            position++;
        }
        if (kept < 2 || COMPANY.matcher(s.substring(at, Math.min(end, m.end() + 12))).find()) {
            return Optional.empty();
        }
        return Optional.of(new Span(at, nameEnd));
    }
}
