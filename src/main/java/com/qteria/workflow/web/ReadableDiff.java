package com.qteria.workflow.web;

import com.qteria.workflow.Bucket;
import com.qteria.workflow.WorkflowDiff;
import com.qteria.workflow.WorkflowView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * {@link WorkflowDiff} as a process manager reads it in their language: per item what was added, removed or changed,
 * and per changed field its label, the value before and after (buckets by name, checks in words).
 */
public record ReadableDiff(int from, int to, List<Item> workflow, List<Item> buckets, List<Item> criteria) {

    /** {@code kind}: added, removed or changed. */
    public record Item(String kind, String key, String name, List<Row> rows) {
    }

    public record Row(String field, String before, String after) {
    }

    public boolean isEmpty() {
        return workflow.isEmpty() && buckets.isEmpty() && criteria.isEmpty();
    }

    static ReadableDiff of(WorkflowView from, WorkflowView to, MessageSource messages, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        from.buckets().forEach(b -> names.put(b.key(), b.name()));
        to.buckets().forEach(b -> names.put(b.key(), b.name()));
        CheckWords words = new CheckWords(messages, locale, names);
        WorkflowDiff diff = WorkflowDiff.between(from, to, words::describe);
        List<Item> workflow = new ArrayList<>();
        List<Item> buckets = new ArrayList<>();
        List<Item> criteria = new ArrayList<>();
        for (WorkflowDiff.Change change : diff.changes()) {
            List<Row> rows = change.fields().stream()
                    .map(f -> new Row(label(f.field(), messages, locale), value(f.field(), f.before(), words, messages, locale),
                            value(f.field(), f.after(), words, messages, locale)))
                    .toList();
            Item item = new Item(change.kind().name().toLowerCase(Locale.ROOT), change.key(), change.name(), rows);
            switch (change.item()) {
                case "bucket" -> buckets.add(item);
                case "criterion" -> criteria.add(item);
                default -> workflow.add(item);
            }
        }
        return new ReadableDiff(diff.from(), diff.to(), workflow, buckets, criteria);
    }

    private static String label(String field, MessageSource messages, Locale locale) {
        if (field.startsWith("checks[")) {
            int index = Integer.parseInt(field.substring(7, field.length() - 1));
            return messages.getMessage("workflow.diff.check", new Object[] {index + 1}, locale);
        }
        return messages.getMessage("workflow.diff.field." + field, null, field, locale);
    }

    private static String value(String field, String value, CheckWords words, MessageSource messages, Locale locale) {
        if (value == null || value.isEmpty()) {
            return messages.getMessage("workflow.diff.empty", null, locale);
        }
        return switch (field) {
            case "required" -> messages.getMessage(Boolean.parseBoolean(value) ? "workflow.required" : "workflow.optional",
                    null, locale);
            case "severity" -> messages.getMessage("workflow.severity." + value, null, value, locale);
            case "applies_to" -> words.buckets(Arrays.asList(value.split(", ")));
            default -> value;
        };
    }

    static Map<String, String> bucketNames(List<Bucket> buckets) {
        Map<String, String> names = new LinkedHashMap<>();
        buckets.forEach(b -> names.put(b.key(), b.name()));
        return names;
    }
}
