package com.qteria.workflow.web;

import com.qteria.workflow.Bucket;
import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowView;
import com.qteria.workflow.definition.Slugs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The builder's form: the workflow as indexed fields ({@code buckets[0].name}, {@code criteria[2].checks[1].pattern}),
 * whose paths mirror the validator's JSON paths so that its errors land on the field they concern.
 * <p>
 * Every bucket and criterion carries a {@code ref}: its key once saved, or {@code new-…} until then. Applies-to and
 * same-value choices name buckets by ref, so they survive renaming, reordering and saving; {@link #toInput()} turns
 * refs into keys (new keys are derived from the names, as the API derives them).
 */
public class WorkflowForm {

    static final String NEW = "new-";
    static final String ALL = "*";

    private String name = "";
    private String description = "";
    private Integer baseVersion;
    private List<BucketForm> buckets = new ArrayList<>();
    private List<CriterionForm> criteria = new ArrayList<>();

    /** A new workflow: one empty bucket and one empty criterion for it, ready to be typed into. */
    static WorkflowForm blank() {
        WorkflowForm form = new WorkflowForm();
        form.addBucket();
        CriterionForm criterion = form.addCriterion();
        criterion.getAppliesTo().add(ALL);
        return form;
    }

    static WorkflowForm of(WorkflowView view) {
        WorkflowForm form = new WorkflowForm();
        form.name = view.name();
        form.baseVersion = view.version();
        form.description = view.description() == null ? "" : view.description();
        for (Bucket bucket : view.buckets()) {
            BucketForm b = new BucketForm();
            b.key = bucket.key();
            b.ref = bucket.key();
            b.name = bucket.name();
            b.required = bucket.required();
            form.buckets.add(b);
        }
        for (Criterion criterion : view.criteria()) {
            CriterionForm c = new CriterionForm();
            c.key = criterion.key();
            c.ref = criterion.key();
            c.name = criterion.name();
            c.description = criterion.description() == null ? "" : criterion.description();
            c.appliesTo = new ArrayList<>(criterion.appliesTo());
            c.severity = criterion.severity().key();
            c.expanded = false;
            criterion.checks().forEach(check -> c.checks.add(CheckForm.of(check)));
            form.criteria.add(c);
        }
        form.normalize();
        return form;
    }

    /** Puts buckets and criteria in the order the page asked for (after a drag) and gives new items their refs. */
    void normalize() {
        Set<String> refs = new HashSet<>();
        normalize(buckets, refs);
        normalize(criteria, refs);
        criteria.forEach(criterion -> criterion.checks.removeIf(Objects::isNull));
    }

    private static void normalize(List<? extends Item> items, Set<String> refs) {
        items.removeIf(Objects::isNull);
        items.sort(Comparator.comparing((Item item) -> item.order == null ? Integer.MAX_VALUE : item.order));
        number(items);
        for (Item item : items) {
            if (blank(item.ref) || !refs.add(item.ref)) {
                item.ref = newRef();
                refs.add(item.ref);
            }
        }
    }

    /** The workflow as the API takes it; bucket refs become keys. */
    WorkflowInput toInput() {
        Map<String, String> keys = bucketKeys();
        List<WorkflowInput.BucketInput> bucketInputs = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            BucketForm b = buckets.get(i);
            bucketInputs.add(new WorkflowInput.BucketInput(keys.get(b.ref), b.name, b.required, i));
        }
        List<WorkflowInput.CriterionInput> criterionInputs = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionForm c = criteria.get(i);
            List<String> appliesTo = c.appliesTo.contains(ALL) ? List.of(ALL)
                    : c.appliesTo.stream().map(ref -> keys.getOrDefault(ref, ref)).toList();
            List<Check> checks = c.checks.stream().map(check -> check.toCheck(keys)).toList();
            criterionInputs.add(new WorkflowInput.CriterionInput(blank(c.key) ? null : c.key, c.name,
                    blank(c.description) ? null : c.description, appliesTo, c.severity, i,
                    checks.isEmpty() ? null : checks));
        }
        return new WorkflowInput(name, blank(description) ? null : description, bucketInputs, criterionInputs);
    }

    /** Ref → key: saved buckets keep theirs, new ones get one derived from the name, unique in the workflow. */
    private Map<String, String> bucketKeys() {
        Set<String> taken = buckets.stream().map(b -> b.key).filter(k -> !blank(k)).collect(Collectors.toCollection(HashSet::new));
        Map<String, String> keys = new HashMap<>();
        for (BucketForm b : buckets) {
            keys.put(b.ref, blank(b.key) ? Slugs.derive(b.name, taken, "bucket") : b.key);
        }
        return keys;
    }

    BucketForm addBucket() {
        BucketForm bucket = new BucketForm();
        bucket.ref = newRef();
        bucket.required = true;
        bucket.order = buckets.size();
        buckets.add(bucket);
        return bucket;
    }

    CriterionForm addCriterion() {
        CriterionForm criterion = new CriterionForm();
        criterion.ref = newRef();
        criterion.order = criteria.size();
        criterion.expanded = true;
        criteria.add(criterion);
        return criterion;
    }

    /** Removes the bucket and every choice of it in applies-to and same-value checks. */
    void removeBucket(int index) {
        BucketForm removed = buckets.remove(index);
        for (CriterionForm criterion : criteria) {
            criterion.appliesTo.remove(removed.ref);
            criterion.checks.forEach(check -> check.getAcross().remove(removed.ref));
        }
        renumber();
    }

    static <T> int move(List<T> items, int index, int by) {
        int target = index + by;
        if (target < 0 || target >= items.size()) {
            return index;
        }
        items.add(target, items.remove(index));
        return target;
    }

    void renumber() {
        number(buckets);
        number(criteria);
    }

    private static void number(List<? extends Item> items) {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).order = i;
        }
    }

    /** The index of the item with this ref, or -1. */
    static int indexOf(List<? extends Item> items, String ref) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).ref.equals(ref)) {
                return i;
            }
        }
        return -1;
    }

    private static String newRef() {
        return NEW + UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    /** The version the edit started from; a newer one saved meanwhile is someone else's change. */
    public Integer getBaseVersion() { return baseVersion; }
    public void setBaseVersion(Integer baseVersion) { this.baseVersion = baseVersion; }
    public List<BucketForm> getBuckets() { return buckets; }
    public void setBuckets(List<BucketForm> buckets) { this.buckets = buckets; }
    public List<CriterionForm> getCriteria() { return criteria; }
    public void setCriteria(List<CriterionForm> criteria) { this.criteria = criteria; }

    /** What a bucket and a criterion have alike: a ref, the key once saved, a name and a place in the order. */
    public abstract static class Item {
        String ref;
        String key;
        String name = "";
        Integer order;

        public String getRef() { return ref; }
        public void setRef(String ref) { this.ref = ref; }
        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getOrder() { return order; }
        public void setOrder(Integer order) { this.order = order; }
    }

    /** One bucket row. */
    public static class BucketForm extends Item {
        private boolean required;

        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
    }

    /** One criterion with its checks; {@code expanded} keeps it open or closed across re-renders. */
    public static class CriterionForm extends Item {
        private String description = "";
        private List<String> appliesTo = new ArrayList<>();
        private String severity = "required";
        private boolean expanded;
        private String newCheckType = "contains";
        private List<CheckForm> checks = new ArrayList<>();

        public boolean appliesToAll() {
            return appliesTo.contains(ALL);
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public List<String> getAppliesTo() { return appliesTo; }
        public void setAppliesTo(List<String> appliesTo) { this.appliesTo = appliesTo == null ? new ArrayList<>() : appliesTo; }
        public String getSeverity() { return severity; }
        public void setSeverity(String severity) { this.severity = severity; }
        public boolean isExpanded() { return expanded; }
        public void setExpanded(boolean expanded) { this.expanded = expanded; }
        public String getNewCheckType() { return newCheckType; }
        public void setNewCheckType(String newCheckType) { this.newCheckType = newCheckType; }
        public List<CheckForm> getChecks() { return checks; }
        public void setChecks(List<CheckForm> checks) { this.checks = checks; }
    }

    /**
     * One check, with the fields of every type (only those of {@code type} are shown and saved), so that changing
     * the type keeps what was typed. Phrases are one per line.
     */
    public static class CheckForm {
        static final List<String> TYPES = List.of("contains", "not_contains", "matches", "date_not_older", "signed",
                "same_value", "min_pages");

        private String type = "contains";
        private String all = "";
        private String any = "";
        private String pattern = "";
        private Integer minCount;
        private String near = "";
        private Integer months;
        private List<String> across = new ArrayList<>();
        private Integer pages;
        private String sample = "";

        static CheckForm ofType(String type) {
            CheckForm form = new CheckForm();
            form.type = TYPES.contains(type) ? type : "contains";
            if ("matches".equals(form.type)) {
                form.minCount = 1;
            }
            return form;
        }

        static CheckForm of(Check check) {
            CheckForm form = new CheckForm();
            form.type = check.type();
            switch (check) {
                case Check.Contains c -> {
                    form.all = lines(c.all());
                    form.any = lines(c.any());
                }
                case Check.NotContains c -> form.any = lines(c.any());
                case Check.Matches c -> {
                    form.pattern = c.pattern();
                    form.minCount = c.minCount();
                }
                case Check.DateNotOlder c -> {
                    form.near = lines(c.near());
                    form.months = c.months();
                }
                case Check.Signed c -> { }
                case Check.SameValue c -> {
                    form.pattern = c.pattern();
                    form.across = c.across() == null ? new ArrayList<>() : new ArrayList<>(c.across());
                }
                case Check.MinPages c -> form.pages = c.pages();
            }
            return form;
        }

        /** The check as the API takes it, or null for an unknown type (the validator says so). */
        Check toCheck(Map<String, String> bucketKeys) {
            return switch (type == null ? "" : type) {
                case "contains" -> new Check.Contains(phrases(all), phrases(any));
                case "not_contains" -> new Check.NotContains(phrases(any));
                case "matches" -> new Check.Matches(pattern, minCount);
                case "date_not_older" -> new Check.DateNotOlder(phrases(near), months);
                case "signed" -> new Check.Signed();
                case "same_value" -> new Check.SameValue(pattern,
                        across.stream().map(ref -> bucketKeys.getOrDefault(ref, ref)).toList());
                case "min_pages" -> new Check.MinPages(pages);
                default -> null;
            };
        }

        boolean usesPattern() {
            return "matches".equals(type) || "same_value".equals(type);
        }

        private static List<String> phrases(String text) {
            if (text == null) {
                return null;
            }
            List<String> phrases = Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return phrases.isEmpty() ? null : phrases;
        }

        private static String lines(List<String> phrases) {
            return phrases == null ? "" : String.join("\n", phrases);
        }

        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public String getAll() { return all; }
        public void setAll(String all) { this.all = all; }
        public String getAny() { return any; }
        public void setAny(String any) { this.any = any; }
        public String getPattern() { return pattern; }
        public void setPattern(String pattern) { this.pattern = pattern; }
        public Integer getMinCount() { return minCount; }
        public void setMinCount(Integer minCount) { this.minCount = minCount; }
        public String getNear() { return near; }
        public void setNear(String near) { this.near = near; }
        public Integer getMonths() { return months; }
        public void setMonths(Integer months) { this.months = months; }
        public List<String> getAcross() { return across; }
        public void setAcross(List<String> across) { this.across = across == null ? new ArrayList<>() : across; }
        public Integer getPages() { return pages; }
        public void setPages(Integer pages) { this.pages = pages; }
        public String getSample() { return sample; }
        public void setSample(String sample) { this.sample = sample; }
    }
}
