package com.qteria.workflow;

import static com.qteria.support.ApiRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every validation rule of a workflow, through the API: 422 naming exactly the offending field, on create and update. */
@QteriaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowValidationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;

    String pm;
    String existing;

    @BeforeAll
    void processManagerWithAWorkflow() throws Exception {
        pm = data.newTenant().tokenOf(Role.PROCESS_MANAGER);
        existing = JsonPath.read(mvc.perform(json(post("/api/v1/workflows"), pm, body("", "", "")))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    static Stream<Arguments> rules() {
        String buckets21 = IntStream.range(0, 21).mapToObj(i -> "{\"name\": \"B" + i + "\"}").collect(Collectors.joining(","));
        String criteria101 = IntStream.range(0, 101).mapToObj(i -> "{\"name\": \"C" + i + "\", \"applies_to\": [\"*\"]}")
                .collect(Collectors.joining(","));
        return Stream.of(
                Arguments.of("name missing", "{\"buckets\": [{\"name\": \"B\"}], \"criteria\": [{\"name\": \"C\", \"applies_to\": [\"*\"]}]}", "name"),
                Arguments.of("name too long", body("\"name\": \"" + "x".repeat(201) + "\",", "", ""), "name"),
                Arguments.of("no bucket", "{\"name\": \"W\", \"buckets\": [], \"criteria\": [{\"name\": \"C\", \"applies_to\": [\"*\"]}]}", "buckets"),
                Arguments.of("21 buckets", "{\"name\": \"W\", \"buckets\": [" + buckets21 + "], \"criteria\": [{\"name\": \"C\", \"applies_to\": [\"*\"]}]}", "buckets"),
                Arguments.of("no criterion", "{\"name\": \"W\", \"buckets\": [{\"name\": \"B\"}], \"criteria\": []}", "criteria"),
                Arguments.of("101 criteria", "{\"name\": \"W\", \"buckets\": [{\"name\": \"B\"}], \"criteria\": [" + criteria101 + "]}", "criteria"),
                Arguments.of("bucket without name", body("", "{\"key\": \"x\"}", ""), "buckets[1].name"),
                Arguments.of("key not a slug", body("", "{\"key\": \"Not A Slug\", \"name\": \"X\"}", ""), "buckets[1].key"),
                Arguments.of("duplicate key", body("", "{\"key\": \"reports\", \"name\": \"Again\"}", ""), "buckets[1].key"),
                Arguments.of("applies_to empty", criterion("\"applies_to\": []"), "criteria[1].applies_to"),
                Arguments.of("applies_to unknown bucket", criterion("\"applies_to\": [\"nowhere\"]"), "criteria[1].applies_to[0]"),
                Arguments.of("severity unknown", criterion("\"applies_to\": [\"*\"], \"severity\": \"critical\""), "criteria[1].severity"),
                Arguments.of("contains without phrases", check("{\"type\": \"contains\"}"), "criteria[1].checks[0].all"),
                Arguments.of("contains empty phrase", check("{\"type\": \"contains\", \"any\": [\"\"]}"), "criteria[1].checks[0].any[0]"),
                Arguments.of("not_contains without phrases", check("{\"type\": \"not_contains\", \"any\": []}"), "criteria[1].checks[0].any"),
                Arguments.of("matches invalid pattern", check("{\"type\": \"matches\", \"pattern\": \"[a-\"}"), "criteria[1].checks[0].pattern"),
                Arguments.of("matches compile bomb", check("{\"type\": \"matches\", \"pattern\": \"((a{1000}){1000}){1000}\"}"), "criteria[1].checks[0].pattern"),
                Arguments.of("matches repetition count 1001", check("{\"type\": \"matches\", \"pattern\": \"a{1001}\"}"), "criteria[1].checks[0].pattern"),
                Arguments.of("same_value compile bomb", check("{\"type\": \"same_value\", \"pattern\": \"((a){1000}){1000}\", \"across\": [\"reports\"]}"), "criteria[1].checks[0].pattern"),
                Arguments.of("matches min_count 0", check("{\"type\": \"matches\", \"pattern\": \"x\", \"min_count\": 0}"), "criteria[1].checks[0].min_count"),
                Arguments.of("date without labels", check("{\"type\": \"date_not_older\", \"near\": [], \"months\": 12}"), "criteria[1].checks[0].near"),
                Arguments.of("date months 0", check("{\"type\": \"date_not_older\", \"near\": [\"Date\"], \"months\": 0}"), "criteria[1].checks[0].months"),
                Arguments.of("same_value two groups", check("{\"type\": \"same_value\", \"pattern\": \"(a)(b)\", \"across\": [\"reports\"]}"), "criteria[1].checks[0].pattern"),
                Arguments.of("same_value unknown bucket", check("{\"type\": \"same_value\", \"pattern\": \"(a)\", \"across\": [\"nowhere\"]}"), "criteria[1].checks[0].across[0]"),
                Arguments.of("same_value without buckets", check("{\"type\": \"same_value\", \"pattern\": \"(a)\"}"), "criteria[1].checks[0].across"),
                Arguments.of("min_pages 0", check("{\"type\": \"min_pages\", \"pages\": 0}"), "criteria[1].checks[0].pages"),
                Arguments.of("unknown check type", check("{\"type\": \"smells_right\"}"), "criteria[1].checks[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void isRefusedOnCreateAndUpdateNamingTheField(String rule, String body, String field) throws Exception {
        for (var request : List.of(post("/api/v1/workflows"), put("/api/v1/workflows/" + existing))) {
            MvcResult result = mvc.perform(json(request, pm, body)).andReturn();
            assertThat(result.getResponse().getStatus()).as(rule).isEqualTo(422);
            String answer = result.getResponse().getContentAsString();
            assertThat((String) JsonPath.read(answer, "$.code")).isEqualTo("VALIDATION_FAILED");
            List<String> fields = JsonPath.read(answer, "$.errors[*].field");
            assertThat(fields).as(rule).containsExactly(field);
        }
    }

    @Test
    void aCompileBombIsRefusedWithTheReasonBeforeItIsCompiled() throws Exception {
        String bomb = check("{\"type\": \"matches\", \"pattern\": \"((a{1000}){1000}){1000}\"}");
        MvcResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> mvc.perform(json(post("/api/v1/workflows"), pm, bomb)).andReturn());
        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String answer = result.getResponse().getContentAsString();
        assertThat((String) JsonPath.read(answer, "$.errors[0].field")).isEqualTo("criteria[1].checks[0].pattern");
        assertThat((String) JsonPath.read(answer, "$.errors[0].message"))
                .isEqualTo("is too costly to run: its nested repetitions multiply out to more than 100000 elements");
        // The pattern of the time-budget findings stays usable: linear, within the limits, stopped at its budget.
        String slow = check("{\"type\": \"matches\", \"pattern\": \"(?:a{1,300}){300}b\"}");
        assertThat(mvc.perform(json(post("/api/v1/workflows"), pm, slow)).andReturn().getResponse().getStatus())
                .isEqualTo(201);
    }

    /** A valid workflow, with extra top-level JSON, an extra bucket and an extra criterion spliced in. */
    static String body(String top, String bucket, String criterion) {
        return "{" + (top.isEmpty() ? "\"name\": \"W\"," : top) + " \"buckets\": [{\"key\": \"reports\", \"name\": \"Reports\"}"
                + (bucket.isEmpty() ? "" : "," + bucket) + "], \"criteria\": [{\"key\": \"c0\", \"name\": \"C0\", \"applies_to\": [\"*\"]}"
                + (criterion.isEmpty() ? "" : "," + criterion) + "]}";
    }

    static String criterion(String fields) {
        return body("", "", "{\"name\": \"C1\", " + fields + "}");
    }

    static String check(String check) {
        return criterion("\"applies_to\": [\"reports\"], \"checks\": [" + check + "]");
    }
}
