package com.qteria.workflow.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The workflow validator's messages (English fragments such as "must not be empty", made for API clients) as
 * sentences in the page's language. Each message the validator can give has an entry here; a message without one is
 * shown as it is (a test keeps the list complete).
 */
record ValidationMessages(MessageSource messages, Locale locale) {

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            rule("must not be empty", "workflow.error.empty"),
            rule("must be at most (\\d+) characters long", "workflow.error.tooLong"),
            rule("needs at least one bucket", "workflow.error.noBuckets"),
            rule("at most (\\d+) buckets", "workflow.error.tooManyBuckets"),
            rule("needs at least one criterion", "workflow.error.noCriteria"),
            rule("at most (\\d+) criteria", "workflow.error.tooManyCriteria"),
            rule("must be required or advisory", "workflow.error.severity"),
            rule("choose at least one bucket, or \"\\*\" for all buckets", "workflow.error.appliesTo"),
            rule("\"\\*\" already means every bucket; name no others with it", "workflow.error.appliesToAll"),
            rule("at most (\\d+) checks per criterion", "workflow.error.tooManyChecks"),
            rule("at most (\\d+) phrases per list", "workflow.error.tooManyPhrases"),
            rule("must be a check with a type", "workflow.error.checkType"),
            rule("give the phrases that must occur \\(all and/or any\\)", "workflow.error.containsPhrases"),
            rule("must be 1 or more", "workflow.error.minCount"),
            rule("must be a number of months from 1 to (\\d+)", "workflow.error.months"),
            rule("name the buckets whose values must agree", "workflow.error.across"),
            rule("must be a number of pages from 1 to (\\d+)", "workflow.error.pages"),
            rule("names no bucket of this workflow: (.*)", "workflow.error.unknownBucket"),
            rule("give at least one phrase", "workflow.error.phrases"),
            rule("must have exactly one capture group \\(found (\\d+)\\); use \\(\\?:…\\) for groups that only group",
                    "workflow.error.oneGroup"),
            rule("is not a valid pattern: (.*)", "workflow.error.invalidPattern"),
            rule("is too costly to run: a repetition count of (\\d+) is above the limit of (\\d+)",
                    "workflow.error.repeatCount"),
            rule("is too costly to run: its nested repetitions multiply out to more than (\\d+) elements",
                    "workflow.error.patternTooLarge"),
            rule("use lower-case letters, digits and _ .*", "workflow.error.keyFormat"),
            rule("is already used by (.*)", "workflow.error.duplicateKey"),
            rule("must be a bucket", "workflow.error.notABucket"),
            rule("must be a criterion", "workflow.error.notACriterion"),
            rule("a workflow is required", "workflow.error.empty"),
            rule("has a value of the wrong type or an unknown check type", "workflow.error.wrongType"));

    /** The validator's {@code message} in the page's language; unknown messages as they are. */
    String translate(String message) {
        Rule rule = ruleFor(message);
        if (rule == null) {
            return message;
        }
        Matcher matcher = rule.pattern().matcher(message);
        matcher.matches();
        Object[] arguments = new Object[matcher.groupCount()];
        for (int i = 0; i < arguments.length; i++) {
            String group = matcher.group(i + 1);
            arguments[i] = group.matches("\\d{1,9}") ? (Object) Integer.valueOf(group) : group;
        }
        return messages.getMessage(rule.key(), arguments, locale);
    }

    /** The page-language text of a message key; {@code fallback} (null: none, the key must exist) when it is missing. */
    String text(String key, String fallback, Object... arguments) {
        return fallback == null ? messages.getMessage(key, arguments, locale)
                : messages.getMessage(key, arguments, fallback, locale);
    }

    /** The message key for a validator message, or null when there is none. */
    static String keyFor(String message) {
        Rule rule = ruleFor(message);
        return rule == null ? null : rule.key();
    }

    private static Rule ruleFor(String message) {
        if (message == null) {
            return null;
        }
        return RULES.stream().filter(r -> r.pattern().matcher(message).matches()).findFirst().orElse(null);
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), key);
    }
}
