package com.qteria.workflow.definition;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.shared.Ids;
import com.qteria.workflow.Bucket;
import com.qteria.workflow.Check;
import com.qteria.workflow.Criterion;
import com.qteria.workflow.SafePattern;
import com.qteria.workflow.Severity;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowInput.BucketInput;
import com.qteria.workflow.WorkflowInput.CriterionInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Turns what a client sent into a valid workflow version, or reports every offending field at once by its JSON
 * path ({@code criteria[3].checks[0].pattern}). Patterns are Java regex syntax and run as {@link SafePattern}s, so
 * that no pattern can stall a worker.
 */
public final class WorkflowValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_BUCKETS = 20;
    public static final int MAX_CRITERIA = 100;
    public static final int MAX_CHECKS = 20;
    public static final int MAX_PHRASE = 500;
    public static final int MAX_PHRASES = 100;
    public static final int MAX_PATTERN = 1000;
    public static final int MAX_MONTHS = 1200;

    private final List<FieldError> errors = new ArrayList<>();

    private WorkflowValidator() {
    }

    /**
     * Validates {@code input}; items whose key was in {@code previousIds} keep that id, new ones get a new id.
     * @throws ApiProblem 422 with one entry per offending field
     */
    public static Definition validate(WorkflowInput input, Map<String, UUID> previousIds) {
        WorkflowValidator validator = new WorkflowValidator();
        Definition definition = validator.check(input, previousIds);
        if (!validator.errors.isEmpty()) {
            throw ApiProblem.validation(validator.errors);
        }
        return definition;
    }

    /** Why a pattern cannot be used, or null when it can. Also what the builder's preview says. */
    public static String patternProblem(String pattern, boolean needsOneGroup) {
        if (pattern == null || pattern.isBlank()) {
            return "must not be empty";
        }
        if (pattern.length() > MAX_PATTERN) {
            return "must be at most " + MAX_PATTERN + " characters long";
        }
        try {
            SafePattern compiled = SafePattern.compile(pattern);
            if (needsOneGroup && compiled.groupCount() != 1) {
                return "must have exactly one capture group (found " + compiled.groupCount()
                        + "); use (?:…) for groups that only group";
            }
            return null;
        } catch (SafePattern.PatternTooLargeException e) {
            return "is too costly to run: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "is not a valid pattern: " + e.getMessage();
        }
    }

    private Definition check(WorkflowInput input, Map<String, UUID> previousIds) {
        if (input == null) {
            errors.add(new FieldError("", "a workflow is required"));
            return null;
        }
        text(input.name(), "name", MAX_NAME, true);
        text(input.description(), "description", MAX_DESCRIPTION, false);
        List<Bucket> buckets = buckets(input.buckets(), previousIds);
        Set<String> bucketKeys = new HashSet<>();
        buckets.forEach(b -> bucketKeys.add(b.key()));
        List<Criterion> criteria = criteria(input.criteria(), bucketKeys, previousIds);
        return new Definition(trim(input.name()), trim(input.description()), buckets, criteria);
    }

    private List<Bucket> buckets(List<BucketInput> inputs, Map<String, UUID> previousIds) {
        if (inputs == null || inputs.isEmpty()) {
            errors.add(new FieldError("buckets", "needs at least one bucket"));
            return List.of();
        }
        if (inputs.size() > MAX_BUCKETS) {
            errors.add(new FieldError("buckets", "at most " + MAX_BUCKETS + " buckets"));
        }
        List<String> keys = keys(inputs.stream().map(b -> b == null ? null : b.key()).toList(),
                inputs.stream().map(b -> b == null ? null : b.name()).toList(), "buckets", "bucket");
        List<Bucket> buckets = new ArrayList<>();
        for (int i : ordered(inputs.stream().map(b -> b == null ? null : b.order()).toList())) {
            BucketInput input = inputs.get(i);
            String path = "buckets[" + i + "]";
            if (input == null) {
                errors.add(new FieldError(path, "must be a bucket"));
                continue;
            }
            text(input.name(), path + ".name", MAX_NAME, true);
            buckets.add(new Bucket(id(previousIds, "bucket:" + keys.get(i)), keys.get(i), trim(input.name()),
                    Boolean.TRUE.equals(input.required()), buckets.size()));
        }
        return buckets;
    }

    private List<Criterion> criteria(List<CriterionInput> inputs, Set<String> bucketKeys,
            Map<String, UUID> previousIds) {
        if (inputs == null || inputs.isEmpty()) {
            errors.add(new FieldError("criteria", "needs at least one criterion"));
            return List.of();
        }
        if (inputs.size() > MAX_CRITERIA) {
            errors.add(new FieldError("criteria", "at most " + MAX_CRITERIA + " criteria"));
        }
        List<String> keys = keys(inputs.stream().map(c -> c == null ? null : c.key()).toList(),
                inputs.stream().map(c -> c == null ? null : c.name()).toList(), "criteria", "criterion");
        List<Criterion> criteria = new ArrayList<>();
        for (int i : ordered(inputs.stream().map(c -> c == null ? null : c.order()).toList())) {
            CriterionInput input = inputs.get(i);
            String path = "criteria[" + i + "]";
            if (input == null) {
                errors.add(new FieldError(path, "must be a criterion"));
                continue;
            }
            text(input.name(), path + ".name", MAX_NAME, true);
            text(input.description(), path + ".description", MAX_DESCRIPTION, false);
            List<String> appliesTo = appliesTo(input.appliesTo(), bucketKeys, path + ".applies_to");
            Severity severity = input.severity() == null ? Severity.REQUIRED
                    : Severity.fromKey(input.severity()).orElse(null);
            if (severity == null) {
                errors.add(new FieldError(path + ".severity", "must be required or advisory"));
            }
            List<Check> checks = checks(input.checks(), bucketKeys, path + ".checks");
            criteria.add(new Criterion(id(previousIds, "criterion:" + keys.get(i)), keys.get(i), trim(input.name()),
                    trim(input.description()), appliesTo, severity, criteria.size(), checks));
        }
        return criteria;
    }

    private List<String> appliesTo(List<String> appliesTo, Set<String> bucketKeys, String path) {
        if (appliesTo == null || appliesTo.isEmpty()) {
            errors.add(new FieldError(path, "choose at least one bucket, or \"*\" for all buckets"));
            return List.of();
        }
        if (appliesTo.contains(Criterion.ALL_BUCKETS)) {
            if (appliesTo.size() > 1) {
                errors.add(new FieldError(path, "\"*\" already means every bucket; name no others with it"));
            }
            return List.of(Criterion.ALL_BUCKETS);
        }
        bucketKeyList(appliesTo, bucketKeys, path);
        return List.copyOf(new LinkedHashSet<>(appliesTo));
    }

    private List<Check> checks(List<Check> checks, Set<String> bucketKeys, String path) {
        if (checks == null) {
            return List.of();
        }
        if (checks.size() > MAX_CHECKS) {
            errors.add(new FieldError(path, "at most " + MAX_CHECKS + " checks per criterion"));
        }
        List<Check> valid = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            String at = path + "[" + i + "]";
            Check check = checks.get(i);
            valid.add(switch (check) {
                case null -> {
                    errors.add(new FieldError(at, "must be a check with a type"));
                    yield null;
                }
                case Check.Contains c -> {
                    boolean any = phrases(c.any(), at + ".any", false);
                    boolean all = phrases(c.all(), at + ".all", false);
                    if (!any && !all) {
                        errors.add(new FieldError(at + ".all", "give the phrases that must occur (all and/or any)"));
                    }
                    yield new Check.Contains(trimAll(c.all()), trimAll(c.any()));
                }
                case Check.NotContains c -> {
                    phrases(c.any(), at + ".any", true);
                    yield new Check.NotContains(trimAll(c.any()));
                }
                case Check.Matches c -> {
                    pattern(c.pattern(), at + ".pattern", false);
                    int minCount = c.minCount() == null ? 1 : c.minCount();
                    if (minCount < 1) {
                        errors.add(new FieldError(at + ".min_count", "must be 1 or more"));
                    }
                    yield new Check.Matches(c.pattern(), minCount);
                }
                case Check.DateNotOlder c -> {
                    phrases(c.near(), at + ".near", true);
                    if (c.months() == null || c.months() < 1 || c.months() > MAX_MONTHS) {
                        errors.add(new FieldError(at + ".months", "must be a number of months from 1 to " + MAX_MONTHS));
                    }
                    yield new Check.DateNotOlder(trimAll(c.near()), c.months());
                }
                case Check.Signed c -> c;
                case Check.SameValue c -> {
                    pattern(c.pattern(), at + ".pattern", true);
                    if (c.across() == null || c.across().isEmpty()) {
                        errors.add(new FieldError(at + ".across", "name the buckets whose values must agree"));
                    } else {
                        bucketKeyList(c.across(), bucketKeys, at + ".across");
                    }
                    yield new Check.SameValue(c.pattern(), c.across() == null ? null : List.copyOf(new LinkedHashSet<>(c.across())));
                }
                case Check.MinPages c -> {
                    if (c.pages() == null || c.pages() < 1 || c.pages() > 100_000) {
                        errors.add(new FieldError(at + ".pages", "must be a number of pages from 1 to 100000"));
                    }
                    yield c;
                }
            });
        }
        return valid;
    }

    private void bucketKeyList(List<String> keys, Set<String> bucketKeys, String path) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || !bucketKeys.contains(key)) {
                errors.add(new FieldError(path + "[" + i + "]", "names no bucket of this workflow: " + key));
            }
        }
    }

    private boolean phrases(List<String> phrases, String path, boolean required) {
        if (phrases == null || phrases.isEmpty()) {
            if (required) {
                errors.add(new FieldError(path, "give at least one phrase"));
            }
            return false;
        }
        if (phrases.size() > MAX_PHRASES) {
            // One error for the list, not one per phrase of a list that may be millions long.
            errors.add(new FieldError(path, "at most " + MAX_PHRASES + " phrases per list"));
            return true;
        }
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = phrases.get(i);
            if (phrase == null || phrase.isBlank()) {
                errors.add(new FieldError(path + "[" + i + "]", "must not be empty"));
            } else if (phrase.length() > MAX_PHRASE) {
                errors.add(new FieldError(path + "[" + i + "]", "must be at most " + MAX_PHRASE + " characters long"));
            }
        }
        return true;
    }

    private void pattern(String pattern, String path, boolean oneGroup) {
        String problem = patternProblem(pattern, oneGroup);
        if (problem != null) {
            errors.add(new FieldError(path, problem));
        }
    }

    /** Given keys are checked; missing ones are derived from the names, unique within the list. */
    private List<String> keys(List<String> given, List<String> names, String path, String fallback) {
        Set<String> taken = new HashSet<>();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String key = given.get(i);
            if (key == null || key.isBlank()) {
                continue;
            }
            if (!Slugs.KEY.matcher(key).matches()) {
                errors.add(new FieldError(path + "[" + i + "].key",
                        "use lower-case letters, digits and _ (at most 64, starting with a letter or digit)"));
            } else if (firstUse.putIfAbsent(key, i) != null) {
                errors.add(new FieldError(path + "[" + i + "].key", "is already used by " + path + "[" + firstUse.get(key) + "]"));
            }
            taken.add(key);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String key = given.get(i);
            keys.add(key == null || key.isBlank() ? Slugs.derive(names.get(i), taken, fallback) : key);
        }
        return keys;
    }

    private void text(String value, String path, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(path, "must not be empty"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(path, "must be at most " + max + " characters long"));
        }
    }

    /** Indexes in the order the client asked for ({@code order}, then position). */
    private static List<Integer> ordered(List<Integer> orders) {
        return IntStream.range(0, orders.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> orders.get(i) == null ? Integer.MAX_VALUE : orders.get(i))
                        .thenComparing(i -> i))
                .toList();
    }

    private static UUID id(Map<String, UUID> previousIds, String key) {
        UUID id = previousIds.get(key);
        return id != null ? id : Ids.next();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static List<String> trimAll(List<String> values) {
        return values == null ? null : values.stream().map(v -> v == null ? null : v.trim()).toList();
    }
}
