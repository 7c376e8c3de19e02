package com.qteria.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A deterministic rule on the text of each document routed to a criterion (API.md, "checks"). The JSON carries the
 * kind in {@code type}. Fields may be missing in what a client sends; the workflow validator says which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Check.Contains.class, name = "contains"),
        @JsonSubTypes.Type(value = Check.NotContains.class, name = "not_contains"),
        @JsonSubTypes.Type(value = Check.Matches.class, name = "matches"),
        @JsonSubTypes.Type(value = Check.DateNotOlder.class, name = "date_not_older"),
        @JsonSubTypes.Type(value = Check.Signed.class, name = "signed"),
        @JsonSubTypes.Type(value = Check.SameValue.class, name = "same_value"),
        @JsonSubTypes.Type(value = Check.MinPages.class, name = "min_pages")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Check {

    /** The {@code type} of API.md. */
    String type();

    /** The rule in plain words, for version diffs and summaries. */
    default String describe() {
        return switch (this) {
            case Contains c -> "must mention" + (c.all() != null ? " all of " + quoted(c.all()) : "")
                    + (c.all() != null && c.any() != null ? " and" : "")
                    + (c.any() != null ? " one of " + quoted(c.any()) : "");
            case NotContains c -> "must not mention " + quoted(c.any());
            case Matches c -> "must match " + c.pattern()
                    + (c.minCount() != null && c.minCount() > 1 ? " at least " + c.minCount() + " times" : "");
            case DateNotOlder c -> "date near " + quoted(c.near()) + " not older than " + c.months() + " months";
            case Signed c -> "must be signed";
            case SameValue c -> "same value of " + c.pattern() + " across " + String.join(", ", c.across());
            case MinPages c -> "at least " + c.pages() + " pages";
        };
    }

    private static String quoted(List<String> phrases) {
        return phrases == null ? "" : String.join(", ", phrases.stream().map(p -> "\u201c" + p + "\u201d").toList());
    }

    /** Passes when every phrase of {@code all} and at least one of {@code any} occur. */
    record Contains(List<String> all, List<String> any) implements Check {
        public String type() { return "contains"; }
    }

    /** Passes when none of the phrases occurs. */
    record NotContains(List<String> any) implements Check {
        public String type() { return "not_contains"; }
    }

    /** Passes when the pattern (RE2 syntax, linear time) matches at least {@code min_count} times. */
    record Matches(String pattern, Integer minCount) implements Check {
        public String type() { return "matches"; }
    }

    /** Passes when a date written next to one of the labels is no older than {@code months}. */
    record DateNotOlder(List<String> near, Integer months) implements Check {
        public String type() { return "date_not_older"; }
    }

    /** Passes on a digital signature or a visible signature block. */
    record Signed() implements Check {
        public String type() { return "signed"; }
    }

    /** Passes when the pattern's one capture group has the same value in every bucket of {@code across}. */
    record SameValue(String pattern, List<String> across) implements Check {
        public String type() { return "same_value"; }
    }

    /** Passes when the document has at least {@code pages} pages. */
    record MinPages(Integer pages) implements Check {
        public String type() { return "min_pages"; }
    }
}
