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
 * Unterschrift, gez. …) followed by a person's name or a date.
 * <p>
 * Decisions, made to keep false passes out:
 * <ul>
 * <li>"Followed by" means: right after the label on its line (after a colon or a parenthesis such as
 *     "(name, signature)"), or — when nothing else follows the label on its line — at the start of the next line
 *     (signature tables: "Tested by (name, signature)" above "Anna Keller").</li>
 * <li>A person's name is two to four capitalised words (titles such as Dr. and particles such as "de", "von"
 *     allowed), none of them a role or form word (Director, Date, Name…), not followed by a company form (GmbH, Ltd,
 *     B.V.…). "Signed for and on behalf of: Kestrel Power Systems B.V." is therefore no signature; a heading
 *     "Signatures" followed by a sentence is none either.</li>
 * <li>A date counts when it comes within three words ("Signature: Hamburg, 2025-03-10").</li>
 * <li>A digital signature counts only when it verifies; one that does not is named in the explanation.</li>
 * </ul>
 */
final class SignedCheck {

    private static final Pattern LABEL = Pattern.compile("(?iu)(?<![\\p{L}])(signed\\s+by|signatures?|signed"
            + "|unterschrift(?:en)?|unterzeichnet(?:\\s+von)?|signiert(?:\\s+von)?|gez\\.)(?![\\p{L}])");
    private static final Pattern FILLER = Pattern.compile("(?:[\\s:;,.)\\]]|\\([^)\\n]{0,60}\\))*");
    private static final String WORD = "(?:\\p{Lu}\\p{Ll}+(?:[-'\u2019]\\p{Lu}\\p{Ll}+)?|\\p{Lu}\\.)";
    private static final String PARTICLE = "(?:von|van|de|der|den|du|da|di|dos|la|le|zu|ten|ter|af|bin|el)";
    private static final Pattern NAME = Pattern.compile("(?:(?:Dr|Prof|Ing|Dipl\\.-Ing|Mag|Mr|Mrs|Ms|Herr|Frau)\\.? )*"
            + WORD + "(?: (?:" + PARTICLE + " )*" + WORD + "){1,4}");
    private static final Pattern COMPANY = Pattern.compile("(?<![\\p{L}])(?:GmbH|Ltd|B\\.V|Inc|AG|KG|SE|LLC|Corp"
            + "|Co\\.|S\\.A|d\\.o\\.o|plc|Limited|e\\.V|N\\.V|S\\.p\\.A|S\\.r\\.l|Oy|AB|A/S)(?![\\p{L}])");
    private static final Set<String> TITLES = Set.of("dr", "prof", "ing", "dipl.-ing", "mag", "mr", "mrs", "ms",
            "herr", "frau");
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "these", "not", "none", "no", "date",
            "place", "name", "names", "function", "signature", "signed", "stamp", "page", "director", "manager",
            "engineer", "officer", "reviewer", "head", "quality", "technical", "managing", "chief", "test", "tested",
            "approved", "reviewed", "by", "company", "department", "title", "position", "role", "for", "on", "of",
            "datum", "ort", "funktion", "unterschrift", "stempel", "geschäftsführer", "leiter", "prüfer", "president",
            "ceo", "cto", "representative", "authorised", "authorized", "responsible", "person", "and", "or",
            "declaration", "report", "document", "issued", "issue", "revision", "version");

    private SignedCheck() {
    }

    static CheckResult run(Check.Signed check, List<DocumentText> documents) {
        List<Evidence> evidence = new ArrayList<>();
        List<Reason> failures = new ArrayList<>();
        List<Reason> passes = new ArrayList<>();
        for (DocumentText document : documents) {
            Optional<SignatureFact> digital = document.document().signatures().stream()
                    .filter(SignatureFact::valid).findFirst();
            Optional<Evidence> block = visibleBlock(document);
            block.ifPresent(evidence::add);
            if (digital.isPresent()) {
                SignatureFact fact = digital.get();
                passes.add(new Reason.DigitallySigned(document.name(), fact.signer(), !fact.coversWholeDocument()));
            } else if (block.isPresent()) {
                passes.add(new Reason.SignatureBlock(document.name(), block.get().page()));
            } else {
                List<String> invalid = document.document().signatures().stream().map(SignatureFact::signer).toList();
                failures.add(new Reason.NotSigned(document.name(), invalid, document.pagesWithoutText()));
            }
        }
        return failures.isEmpty()
                ? CheckResult.pass(check.type(), passes, evidence)
                : CheckResult.fail(check.type(), failures, evidence);
    }

    /** The first signature block of the document, quoted from the start of the label's line to the name or date. */
    static Optional<Evidence> visibleBlock(DocumentText document) {
        for (int page = 1; page <= document.pageCount(); page++) {
            NormalizedText text = document.page(page, Form.LINES);
            String s = text.text();
            Matcher label = LABEL.matcher(s);
            while (label.find()) {
                Optional<Span> signer = signerAfter(s, label.end());
                if (signer.isPresent()) {
                    int lineStart = s.lastIndexOf('\n', label.start()) + 1;
                    return Optional.of(document.quoteExactly(page, text, new Span(lineStart, signer.get().end())));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Span> signerAfter(String s, int after) {
        int lineEnd = lineEnd(s, after);
        Matcher filler = FILLER.matcher(s).region(after, lineEnd);
        int content = filler.lookingAt() ? filler.end() : after;
        if (content < lineEnd) {
            return nameOrDate(s, content, lineEnd);
        }
        if (lineEnd >= s.length()) {
            return Optional.empty();
        }
        return nameOrDate(s, lineEnd + 1, lineEnd(s, lineEnd + 1));
    }

    private static int lineEnd(String s, int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    private static Optional<Span> nameOrDate(String s, int at, int end) {
        Optional<Span> name = name(s, at, end);
        if (name.isPresent()) {
            return name;
        }
        return WrittenDate.first(s, at, end)
                .filter(d -> s.substring(at, d.span().start()).split(" ").length <= 3)
                .map(WrittenDate::span);
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
