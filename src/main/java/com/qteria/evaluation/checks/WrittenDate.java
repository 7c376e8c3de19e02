package com.qteria.evaluation.checks;

import com.qteria.evaluation.text.Span;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as documents write it, read from normalised text (any case).
 * <p>
 * Formats: {@code 2025-03-12} (also with {@code /} or {@code .}), {@code 12.03.2025}, {@code 12/03/2025},
 * {@code 12-03-2025}, {@code 12 March 2025}, {@code 12. März 2025}, {@code 12-Mar-2025}, {@code March 12, 2025},
 * {@code Mar. 12 2025}, and a month with a year only ({@code March 2025}, {@code März 2025}); English and German
 * month names and their abbreviations. Years have four digits (two-digit years are too easily a version number).
 * <p>
 * Decisions: numeric dates with the day and the month both in front are read <em>day first</em> (European
 * documents: 04/05/2025 is 4 May); only when the second number cannot be a month and the first can
 * ({@code 05/24/2025}) is it read month first. A month without a day counts as the first of that month, the oldest
 * reading, so that the reading never makes a document look more recent than it is.
 *
 * @param date the calendar date
 * @param span where it is written, in the normalised text
 */
record WrittenDate(LocalDate date, Span span) {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jan", 1),
            Map.entry("february", 2), Map.entry("februar", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("mar", 3),
            Map.entry("mär", 3), Map.entry("mrz", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("june", 6), Map.entry("juni", 6), Map.entry("jun", 6),
            Map.entry("july", 7), Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("october", 10), Map.entry("oktober", 10), Map.entry("oct", 10), Map.entry("okt", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("dezember", 12), Map.entry("dec", 12), Map.entry("dez", 12));

    private static final String MONTH = "(january|januar|jänner|february|februar|march|märz|maerz|april|may|mai|june|juni"
            + "|july|juli|august|september|october|oktober|november|december|dezember"
            + "|jan|feb|mar|mär|mrz|apr|jun|jul|aug|sept|sep|oct|okt|nov|dec|dez)(?![\\p{L}])\\.?";

    /** Alternatives, each with named groups; at one position the first alternative that matches wins. */
    private static final Pattern DATE = Pattern.compile("(?iu)" + String.join("|",
            "(?<!\\d)(?<iy>\\d{4})(?<is>[-/.])(?<im>\\d{1,2})\\k<is>(?<id>\\d{1,2})(?!\\d)",
            "(?<!\\d)(?<nd>\\d{1,2})(?<ns>[./-])(?<nm>\\d{1,2})\\k<ns>(?<ny>\\d{4})(?!\\d)",
            "(?<!\\d)(?<td>\\d{1,2})(?:st|nd|rd|th)?\\.?[ -]?" + MONTH.replace("(january", "(?<tm>january")
                    + "[ ,-]*(?<ty>\\d{4})(?!\\d)",
            "(?<![\\p{L}])" + MONTH.replace("(january", "(?<am>january")
                    + " ?(?<ad>\\d{1,2})(?:st|nd|rd|th)?,? ?(?<ay>\\d{4})(?!\\d)",
            "(?<![\\p{L}])" + MONTH.replace("(january", "(?<ym>january") + " ?(?<yy>\\d{4})(?!\\d)"));

    /** The first valid date starting at or after {@code from} and before {@code until}. */
    static Optional<WrittenDate> first(String text, int from, int until) {
        Matcher m = DATE.matcher(text);
        m.region(from, Math.min(until, text.length()));
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        while (m.find()) {
            Optional<LocalDate> date = read(m);
            if (date.isPresent()) {
                return Optional.of(new WrittenDate(date.get(), new Span(m.start(), m.end())));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> read(Matcher m) {
        try {
            if (m.group("iy") != null) {
                return Optional.of(LocalDate.of(num(m, "iy"), num(m, "im"), num(m, "id")));
            }
            if (m.group("nd") != null) {
                int first = num(m, "nd");
                int second = num(m, "nm");
                boolean monthFirst = "/".equals(m.group("ns")) && second > 12 && first <= 12;
                return Optional.of(monthFirst ? LocalDate.of(num(m, "ny"), first, second)
                        : LocalDate.of(num(m, "ny"), second, first));
            }
            if (m.group("td") != null) {
                return Optional.of(LocalDate.of(num(m, "ty"), month(m, "tm"), num(m, "td")));
            }
            if (m.group("am") != null) {
                return Optional.of(LocalDate.of(num(m, "ay"), month(m, "am"), num(m, "ad")));
            }
            return Optional.of(LocalDate.of(num(m, "yy"), month(m, "ym"), 1));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    private static int month(Matcher m, String group) {
        return MONTHS.get(m.group(group).toLowerCase(java.util.Locale.ROOT));
    }
}
