package com.qteria.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions, item by item (matched by key) and field by field, in words a process manager
 * reads: "Criterion tr_date: months 24 → 12".
 */
public record WorkflowDiff(int from, int to, List<Change> changes) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** {@code item} is {@code workflow}, {@code bucket} or {@code criterion}. */
    public record Change(Kind kind, String item, String key, String name, List<FieldChange> fields) {
    }

    public record FieldChange(String field, String before, String after) {
    }

    public static WorkflowDiff between(WorkflowView from, WorkflowView to, Function<Object, String> describe) {
        List<Change> changes = new ArrayList<>();
        List<FieldChange> top = new ArrayList<>();
        field(top, "name", from.name(), to.name());
        field(top, "description", from.description(), to.description());
        if (!top.isEmpty()) {
            changes.add(new Change(Kind.CHANGED, "workflow", null, to.name(), top));
        }
        items(changes, "bucket", index(from.buckets(), Bucket::key), index(to.buckets(), Bucket::key), Bucket::name,
                (a, b) -> {
                    List<FieldChange> fields = new ArrayList<>();
                    field(fields, "name", a.name(), b.name());
                    field(fields, "required", a.required(), b.required());
                    field(fields, "order", a.order() + 1, b.order() + 1);
                    return fields;
                });
        items(changes, "criterion", index(from.criteria(), Criterion::key), index(to.criteria(), Criterion::key),
                Criterion::name, (a, b) -> {
                    List<FieldChange> fields = new ArrayList<>();
                    field(fields, "name", a.name(), b.name());
                    field(fields, "description", a.description(), b.description());
                    field(fields, "applies_to", String.join(", ", a.appliesTo()), String.join(", ", b.appliesTo()));
                    field(fields, "severity", a.severity().key(), b.severity().key());
                    field(fields, "order", a.order() + 1, b.order() + 1);
                    int checks = Math.max(a.checks().size(), b.checks().size());
                    for (int i = 0; i < checks; i++) {
                        String before = i < a.checks().size() ? describe.apply(a.checks().get(i)) : null;
                        String after = i < b.checks().size() ? describe.apply(b.checks().get(i)) : null;
                        field(fields, "checks[" + i + "]", before, after);
                    }
                    return fields;
                });
        return new WorkflowDiff(from.version(), to.version(), changes);
    }

    private static <T> void items(List<Change> changes, String item, Map<String, T> before, Map<String, T> after,
            Function<T, String> name, java.util.function.BiFunction<T, T, List<FieldChange>> compare) {
        before.forEach((key, old) -> {
            if (!after.containsKey(key)) {
                changes.add(new Change(Kind.REMOVED, item, key, name.apply(old), List.of()));
            }
        });
        after.forEach((key, current) -> {
            T old = before.get(key);
            if (old == null) {
                changes.add(new Change(Kind.ADDED, item, key, name.apply(current), List.of()));
            } else {
                List<FieldChange> fields = compare.apply(old, current);
                if (!fields.isEmpty()) {
                    changes.add(new Change(Kind.CHANGED, item, key, name.apply(current), fields));
                }
            }
        });
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }

    private static void field(List<FieldChange> fields, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(field, before == null ? null : before.toString(),
                    after == null ? null : after.toString()));
        }
    }
}
