package com.qteria.workflow.web;

import com.qteria.workflow.Check;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A check in plain words in the page's language ({@link Check#describe()} says it in English for the API), with
 * buckets by name: "Must mention all of “IEC 62368-1”".
 */
final class CheckWords {

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> bucketNames;

    CheckWords(MessageSource messages, Locale locale, Map<String, String> bucketNames) {
        this.messages = messages;
        this.locale = locale;
        this.bucketNames = bucketNames;
    }

    String describe(Object value) {
        Check check = (Check) value;
        return switch (check) {
            case Check.Contains c when c.all() != null && c.any() != null ->
                    text("workflow.check.contains.both", quoted(c.all()), quoted(c.any()));
            case Check.Contains c when c.all() != null -> text("workflow.check.contains.all", quoted(c.all()));
            case Check.Contains c -> text("workflow.check.contains.any", quoted(c.any()));
            case Check.NotContains c -> text("workflow.check.not_contains", quoted(c.any()));
            case Check.Matches c when c.minCount() != null && c.minCount() > 1 ->
                    text("workflow.check.matches.times", c.pattern(), c.minCount());
            case Check.Matches c -> text("workflow.check.matches", c.pattern());
            case Check.DateNotOlder c -> text("workflow.check.date_not_older", quoted(c.near()), c.months());
            case Check.Signed c -> text("workflow.check.signed");
            case Check.SameValue c -> text("workflow.check.same_value", c.pattern(), buckets(c.across()));
            case Check.MinPages c -> text("workflow.check.min_pages", c.pages());
        };
    }

    String buckets(List<String> keys) {
        if (keys == null) {
            return "";
        }
        if (keys.contains("*")) {
            return text("workflow.allBuckets");
        }
        return String.join(", ", keys.stream().map(k -> bucketNames.getOrDefault(k, k)).toList());
    }

    private String quoted(List<String> phrases) {
        if (phrases == null) {
            return "";
        }
        return String.join(", ", phrases.stream().map(p -> text("workflow.quoted", p)).toList());
    }

    /** Numbers go in as text: a count of 1200 months reads "1200", not "1,200". */
    private String text(String key, Object... arguments) {
        Object[] plain = java.util.Arrays.stream(arguments).map(a -> a instanceof Number ? a.toString() : a).toArray();
        return messages.getMessage(key, plain, locale);
    }
}
