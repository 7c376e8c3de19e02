package com.qteria.workflow.web;

import com.qteria.shared.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * The builder's errors, by form path ({@code criteria[3].checks[0].pattern}), in the page's language: shown next
 * to each field and, as links to the fields, in a summary at the top. The validator's JSON paths become form paths
 * (a phrase list's {@code all[2]} is its text box {@code all}; {@code min_count} is {@code minCount}).
 */
public final class FormErrors {

    private static final Pattern LIST_ITEM = Pattern.compile("^(.*\\.(?:applies_to|all|any|near|across))\\[\\d+]$");
    private static final Pattern INDEX = Pattern.compile("(buckets|criteria|checks)\\[(\\d+)]");

    /** One line of the summary: where (a link to the field) and what. */
    public record Entry(String anchor, String location, String message) {
    }

    private final Map<String, List<String>> byPath = new LinkedHashMap<>();
    private final List<Entry> summary = new ArrayList<>();
    private final ValidationMessages words;

    FormErrors(MessageSource messages, Locale locale) {
        this.words = new ValidationMessages(messages, locale);
    }

    static FormErrors none(MessageSource messages, Locale locale) {
        return new FormErrors(messages, locale);
    }

    /** Adds the validator's errors. */
    void addAll(List<FieldError> errors) {
        for (FieldError error : errors) {
            add(formPath(error.field()), words.translate(error.message()));
        }
    }

    /** Adds an error already in the page's language. */
    void add(String path, String message) {
        List<String> list = byPath.computeIfAbsent(path, p -> new ArrayList<>());
        if (!list.contains(message)) {
            list.add(message);
            summary.add(new Entry(anchor(path), location(path), message));
        }
    }

    public boolean has(String path) {
        return byPath.containsKey(path);
    }

    public List<String> of(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    /** Whether any error concerns {@code prefix} or a field inside it (a criterion and its checks). */
    public boolean within(String prefix) {
        return byPath.keySet().stream().anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + ".")
                || p.startsWith(prefix + "["));
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    public int count() {
        return summary.size();
    }

    public List<Entry> summary() {
        return summary;
    }

    /** The validator's JSON path as the path of the form field that shows it. */
    static String formPath(String jsonPath) {
        if (jsonPath == null || jsonPath.isEmpty()) {
            return "name";
        }
        String path = jsonPath;
        Matcher item = LIST_ITEM.matcher(path);
        if (item.matches()) {
            path = item.group(1);
        }
        path = path.replace("applies_to", "appliesTo").replace("min_count", "minCount");
        if (path.matches("(buckets|criteria)\\[\\d+]\\.key")) {
            path = path.replace(".key", ".name");
        }
        if (path.matches("criteria\\[\\d+]\\.checks\\[\\d+]")) {
            path = path + ".type";
        }
        return path;
    }

    /** The id of the element a summary link leads to; the builder template builds the same ids. */
    static String anchor(String path) {
        return switch (path) {
            case "name" -> "workflow-name";
            case "description" -> "workflow-description";
            case "buckets" -> "add-bucket";
            case "criteria" -> "add-criterion";
            case "version" -> "save-anyway";
            default -> {
                String id = INDEX.matcher(path).replaceAll(m -> switch (m.group(1)) {
                    case "buckets" -> "bucket-" + m.group(2);
                    case "criteria" -> "criterion-" + m.group(2);
                    default -> "check-" + m.group(2);
                }).replace('.', '-');
                if (id.endsWith("-appliesTo")) {
                    yield id.replace("-appliesTo", "-all");
                }
                if (id.endsWith("-across")) {
                    yield id + "-0";
                }
                if (id.endsWith("-checks")) {
                    yield id.replace("-checks", "-add-check");
                }
                yield id;
            }
        };
    }

    private String location(String path) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = INDEX.matcher(path);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(2)) + 1);
        }
        String where;
        if (path.startsWith("buckets[")) {
            where = words.text("workflow.at.bucket", null, numbers.get(0));
        } else if (path.startsWith("criteria[") && numbers.size() > 1) {
            where = words.text("workflow.at.check", null, numbers.get(0), numbers.get(1));
        } else if (path.startsWith("criteria[")) {
            where = words.text("workflow.at.criterion", null, numbers.get(0));
        } else {
            where = null;
        }
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        String label = words.text("workflow.field." + field, field);
        return where == null ? label : where + " · " + label;
    }
}
