package com.qteria.workflow.web;

import com.qteria.workflow.definition.WorkflowValidator;
import com.qteria.workflow.web.WorkflowForm.CheckForm;
import com.qteria.workflow.web.WorkflowForm.CriterionForm;
import java.util.List;

/**
 * What a builder button asks for, from its {@code action} value: {@code save}, or a change of the form's structure
 * that is shown without saving ({@code add-bucket}, {@code up-criterion:<ref>}, {@code remove-check:<ref>:1} …).
 * Items are named by ref, so the request means the same item even after the page reordered them.
 */
record BuilderAction(String verb, String ref, int index) {

    /** Where the keyboard focus goes after the change, and what a screen reader announces. */
    record Outcome(String focus, String announce, Object... arguments) {
    }

    static BuilderAction parse(String action) {
        if (action == null || action.isBlank()) {
            return new BuilderAction("refresh", null, -1);
        }
        String[] parts = action.split(":", 3);
        int index = -1;
        if (parts.length > 2) {
            try {
                index = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        return new BuilderAction(parts[0], parts.length > 1 ? parts[1] : null, index);
    }

    boolean save() {
        return "save".equals(verb) || overwrite();
    }

    /** Save even though someone else saved a newer version meanwhile ("Save anyway"). */
    boolean overwrite() {
        return "save-anyway".equals(verb);
    }

    /** The form path of the check whose pattern is tried, for {@code preview:<path>} without script. */
    String previewPath() {
        return "preview".equals(verb) ? ref : null;
    }

    /** Applies the change to the (normalized) form; unknown verbs and refs change nothing. */
    Outcome apply(WorkflowForm form) {
        List<WorkflowForm.BucketForm> buckets = form.getBuckets();
        List<CriterionForm> criteria = form.getCriteria();
        int b = ref == null ? -1 : WorkflowForm.indexOf(form.getBuckets(), ref);
        int c = ref == null ? -1 : WorkflowForm.indexOf(form.getCriteria(), ref);
        switch (verb) {
            case "add-bucket" -> {
                if (buckets.size() >= WorkflowValidator.MAX_BUCKETS) {
                    return new Outcome("add-bucket", "workflow.builder.announce.bucketLimit");
                }
                form.addBucket();
                return new Outcome("bucket-" + (buckets.size() - 1) + "-name", "workflow.builder.announce.bucketAdded",
                        buckets.size());
            }
            case "remove-bucket" -> {
                if (b >= 0) {
                    form.removeBucket(b);
                    return new Outcome(buckets.isEmpty() ? "add-bucket" : "bucket-" + Math.min(b, buckets.size() - 1) + "-name",
                            "workflow.builder.announce.bucketRemoved", b + 1);
                }
            }
            case "up-bucket", "down-bucket" -> {
                if (b >= 0) {
                    int to = WorkflowForm.move(buckets, b, "up-bucket".equals(verb) ? -1 : 1);
                    form.renumber();
                    return new Outcome(moveFocus("bucket-", to, buckets.size(), verb.startsWith("up")),
                            "workflow.builder.announce.bucketMoved", to + 1, buckets.size());
                }
            }
            case "add-criterion" -> {
                if (criteria.size() >= WorkflowValidator.MAX_CRITERIA) {
                    return new Outcome("add-criterion", "workflow.builder.announce.criterionLimit");
                }
                CriterionForm added = form.addCriterion();
                if (buckets.size() == 1) {
                    added.getAppliesTo().add(WorkflowForm.ALL);
                }
                return new Outcome("criterion-" + (criteria.size() - 1) + "-name",
                        "workflow.builder.announce.criterionAdded", criteria.size());
            }
            case "remove-criterion" -> {
                if (c >= 0) {
                    criteria.remove(c);
                    form.renumber();
                    return new Outcome(criteria.isEmpty() ? "add-criterion"
                            : "criterion-" + Math.min(c, criteria.size() - 1) + "-toggle",
                            "workflow.builder.announce.criterionRemoved", c + 1);
                }
            }
            case "up-criterion", "down-criterion" -> {
                if (c >= 0) {
                    int to = WorkflowForm.move(criteria, c, "up-criterion".equals(verb) ? -1 : 1);
                    form.renumber();
                    return new Outcome(moveFocus("criterion-", to, criteria.size(), verb.startsWith("up")),
                            "workflow.builder.announce.criterionMoved", to + 1, criteria.size());
                }
            }
            case "toggle" -> {
                if (c >= 0) {
                    criteria.get(c).setExpanded(!criteria.get(c).isExpanded());
                    return new Outcome("criterion-" + c + "-toggle", null);
                }
            }
            case "expand-all", "collapse-all" -> {
                criteria.forEach(criterion -> criterion.setExpanded("expand-all".equals(verb)));
                return new Outcome(verb, null);
            }
            case "add-check" -> {
                if (c >= 0) {
                    CriterionForm criterion = criteria.get(c);
                    criterion.setExpanded(true);
                    if (criterion.getChecks().size() >= WorkflowValidator.MAX_CHECKS) {
                        return new Outcome("criterion-" + c + "-add-check", "workflow.builder.announce.checkLimit");
                    }
                    criterion.getChecks().add(CheckForm.ofType(criterion.getNewCheckType()));
                    int k = criterion.getChecks().size() - 1;
                    return new Outcome("criterion-" + c + "-check-" + k + "-type", "workflow.builder.announce.checkAdded",
                            k + 1, c + 1);
                }
            }
            case "remove-check" -> {
                if (c >= 0 && index >= 0 && index < criteria.get(c).getChecks().size()) {
                    criteria.get(c).getChecks().remove(index);
                    return new Outcome("criterion-" + c + "-add-check", "workflow.builder.announce.checkRemoved",
                            index + 1, c + 1);
                }
            }
            default -> {
                return new Outcome(null, null);
            }
        }
        return new Outcome(null, null);
    }

    /** After a move the same button keeps the focus, unless the item reached the end it moved towards. */
    private static String moveFocus(String prefix, int to, int size, boolean up) {
        boolean atEnd = up ? to == 0 : to == size - 1;
        String button = up ^ atEnd ? "up" : "down";
        return prefix + to + "-" + button;
    }
}
