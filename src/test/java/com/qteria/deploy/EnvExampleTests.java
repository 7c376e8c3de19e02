package com.qteria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code .env.example} lists every variable the application reads ({@link ApplicationVariables}) and nothing else,
 * each with a comment and without a real secret; README.md documents every one of them. A new variable in
 * application.yml or the code fails here until both say what it does.
 */
class EnvExampleTests {

    private static final Pattern ENTRY = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=(.*)$");
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET_KEY|API_KEY|ACCESS_KEY|AUDIT_KEY|MASTER_KEYS|OPERATOR_TOKEN|DATABASE_URL)");

    private final String text = ApplicationVariables.read(Path.of(".env.example"));

    @Test
    void listsEveryVariableTheApplicationReadsAndNoOther() {
        assertThat(entries().keySet()).containsExactlyInAnyOrderElementsOf(ApplicationVariables.all());
    }

    @Test
    void eachVariableHasACommentAndNoRealSecret() {
        List<String> lines = text.lines().toList();
        List<String> uncommented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (ENTRY.matcher(lines.get(i)).matches() && (i == 0 || !lines.get(i - 1).startsWith("# "))) {
                uncommented.add(lines.get(i));
            }
        }
        assertThat(uncommented).as("entries without a comment line above").isEmpty();
        entries().forEach((name, value) -> {
            if (SECRET.matcher(name).matches()) {
                assertThat(value).as(name).matches("|change-me|.*:change-me@.*");
            }
        });
    }

    @Test
    void readmeDocumentsEveryVariable() {
        String readme = ApplicationVariables.read(Path.of("README.md"));
        assertThat(ApplicationVariables.all()).allSatisfy(name -> assertThat(readme).contains("`" + name + "`"));
    }

    private Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        text.lines().map(ENTRY::matcher).filter(Matcher::matches)
                .forEach(entry -> assertThat(entries.put(entry.group(1), entry.group(2)))
                        .as("listed once: " + entry.group(1)).isNull());
        return entries;
    }
}
