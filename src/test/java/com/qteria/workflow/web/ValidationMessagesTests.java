package com.qteria.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qteria.shared.ApiProblem;
import com.qteria.shared.FieldError;
import com.qteria.workflow.Check;
import com.qteria.workflow.WorkflowInput;
import com.qteria.workflow.WorkflowInput.BucketInput;
import com.qteria.workflow.WorkflowInput.CriterionInput;
import com.qteria.workflow.definition.WorkflowValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every message the workflow validator gives reaches the builder as a sentence in English and German. */
class ValidationMessagesTests {

    @Test
    void everyValidatorMessageHasASentenceInBothLanguages() {
        List<FieldError> errors = new ArrayList<>();
        for (WorkflowInput input : invalidWorkflows()) {
            errors.addAll(catchThrowableOfType(ApiProblem.class, () -> WorkflowValidator.validate(input, Map.of())).errors());
        }
        errors.add(new FieldError("x", WorkflowValidator.patternProblem("(unclosed", false)));
        errors.add(new FieldError("x", WorkflowValidator.patternProblem("", false)));
        errors.add(new FieldError("x", WorkflowValidator.patternProblem("a{5000}", false)));
        errors.add(new FieldError("x", WorkflowValidator.patternProblem("((a{1000}){1000}){1000}", false)));

        List<String> unknown = errors.stream().map(FieldError::message)
                .filter(m -> ValidationMessages.keyFor(m) == null).distinct().toList();
        assertThat(unknown).as("validator messages without a sentence in ValidationMessages").isEmpty();
        assertThat(errors.stream().map(e -> ValidationMessages.keyFor(e.message())).distinct().count())
                .as("distinct kinds of error provoked").isGreaterThanOrEqualTo(22);

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        ValidationMessages english = new ValidationMessages(messages, Locale.ENGLISH);
        ValidationMessages german = new ValidationMessages(messages, Locale.GERMAN);
        assertThat(english.translate("must have exactly one capture group (found 2); use (?:…) for groups that only group"))
                .isEqualTo("The pattern needs exactly one capture group, the part in ( ) whose value is compared, but it has 2."
                        + " Write (?:\u2026) for brackets that only group.");
        assertThat(german.translate("must be a number of months from 1 to 1200"))
                .isEqualTo("Geben Sie eine Anzahl Monate von 1 bis 1200 ein.");
        assertThat(german.translate(WorkflowValidator.patternProblem("a{5000}", false)))
                .isEqualTo("Dieses Muster wiederholt einen Teil 5.000-mal; erlaubt sind höchstens 1.000 Wiederholungen.");
        assertThat(english.translate(WorkflowValidator.patternProblem("((a{1000}){1000}){1000}", false)))
                .startsWith("This pattern has nested repetitions that multiply out to more than 100,000 elements");
        assertThat(english.translate("something the validator never said")).isEqualTo("something the validator never said");
    }

    @Test
    void theWorkflowMessagesExistInEnglishAndGerman() throws IOException {
        Set<String> english = workflowKeys("messages.properties");
        Set<String> german = workflowKeys("messages_de.properties");
        assertThat(english).hasSizeGreaterThan(200);
        assertThat(new TreeSet<>(english)).as("keys in English only").isEqualTo(new TreeSet<>(german));
    }

    private static Set<String> workflowKeys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ValidationMessagesTests.class.getResourceAsStream("/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("workflow.") || k.equals("nav.workflows") || k.contains(".workflow"))
                .forEach(keys::add);
        return keys;
    }

    private static List<WorkflowInput> invalidWorkflows() {
        BucketInput reports = new BucketInput("reports", "Reports", true, 0);
        List<WorkflowInput> inputs = new ArrayList<>();
        inputs.add(new WorkflowInput("", "x".repeat(WorkflowValidator.MAX_DESCRIPTION + 1), List.of(), List.of()));
        inputs.add(new WorkflowInput("n".repeat(WorkflowValidator.MAX_NAME + 1), null,
                IntStream.range(0, WorkflowValidator.MAX_BUCKETS + 1).mapToObj(i -> new BucketInput(null, "B" + i, true, i)).toList(),
                Collections.nCopies(WorkflowValidator.MAX_CRITERIA + 1, criterion(List.of("*"), null))));
        inputs.add(new WorkflowInput("W", null, Arrays.asList(reports, null, new BucketInput("Bad Key", "X", false, 2),
                new BucketInput("reports", "Again", false, 3)), Arrays.asList(criterion(List.of("*"), null), null)));
        List<Check> checks = Arrays.asList(
                null,
                new Check.Contains(null, null),
                new Check.NotContains(List.of()),
                new Check.NotContains(Arrays.asList(" ", "p".repeat(WorkflowValidator.MAX_PHRASE + 1))),
                new Check.NotContains(Collections.nCopies(WorkflowValidator.MAX_PHRASES + 1, "phrase")),
                new Check.Matches("(a", 0),
                new Check.Matches("", 1),
                new Check.Matches("a".repeat(WorkflowValidator.MAX_PATTERN + 1), 1),
                new Check.DateNotOlder(List.of("Date"), 0),
                new Check.SameValue("(a)(b)", List.of()),
                new Check.SameValue("(a)", List.of("nowhere")),
                new Check.MinPages(0));
        inputs.add(new WorkflowInput("W", null, List.of(reports), List.of(
                new CriterionInput(null, "C", null, List.of(), "urgent", 0, checks),
                criterion(List.of("*", "reports"), null),
                criterion(List.of("nowhere"), Collections.nCopies(WorkflowValidator.MAX_CHECKS + 1, new Check.Signed())))));
        return inputs;
    }

    private static CriterionInput criterion(List<String> appliesTo, List<Check> checks) {
        return new CriterionInput(null, "C", null, appliesTo, null, null, checks);
    }
}
