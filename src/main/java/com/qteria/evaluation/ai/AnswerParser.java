package com.qteria.evaluation.ai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the model's answer strictly: one JSON object of the schema in {@link AiPrompt#SYSTEM} ({@link #SCHEMA}), and
 * nothing outside
 * it. A code fence around the object is tolerated (models add them despite being told not to); any other text, an
 * unknown field, a verdict or confidence outside the schema, a key that was not asked about or is answered twice is
 * refused. Entries that are valid are kept even when others are not, so a repair only asks again for what is missing.
 */
final class AnswerParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<String> VERDICTS = List.of("pass", "fail", "uncertain");
    private static final List<String> CONFIDENCES = List.of("high", "medium", "low");
    private static final Map<String, Object> QUOTE = object(properties(
            "document", Map.of("type", "string"),
            "page", Map.of("type", "integer"),
            "quote", Map.of("type", "string")));
    private static final Map<String, Object> ITEM = object(properties(
            "key", Map.of("type", "string"),
            "verdict", Map.of("type", "string", "enum", VERDICTS),
            "confidence", Map.of("type", "string", "enum", CONFIDENCES),
            "reasoning", Map.of("type", "string"),
            "missing", Map.of("type", "boolean"),
            "evidence", Map.of("type", "array", "items", QUOTE)));
    /**
     * The answer's JSON schema, as sent to providers with structured output ({@code ModelPrompt#answerSchema}) and
     * enforced here: the fields below are read from it. Every field is listed as required (OpenAI's strict mode wants
     * that); this parser alone also takes an entry without {@code missing} (false). Lengths and counts
     * ({@link #MAX_REASONING}, {@link #MAX_QUOTES}, {@link #MAX_QUOTE}) are checked here only: the providers' schema
     * subsets have no {@code maxLength}.
     */
    static final Map<String, Object> SCHEMA = object(properties("results", Map.of("type", "array", "items", ITEM)));
    private static final Set<String> ITEM_FIELDS = fields(ITEM);
    private static final Set<String> QUOTE_FIELDS = fields(QUOTE);
    static final int MAX_REASONING = 4000;
    static final int MAX_QUOTES = 10;
    static final int MAX_QUOTE = 1000;

    private AnswerParser() {
    }

    private static Map<String, Object> properties(Object... nameAndSchema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameAndSchema.length; i += 2) {
            properties.put((String) nameAndSchema[i], nameAndSchema[i + 1]);
        }
        return Collections.unmodifiableMap(properties);
    }

    /** An object of exactly these properties, all required, no others. */
    private static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("properties", properties);
        object.put("required", List.copyOf(properties.keySet()));
        object.put("additionalProperties", false);
        return Collections.unmodifiableMap(object);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> fields(Map<String, Object> object) {
        return Set.copyOf(((Map<String, Object>) object.get("properties")).keySet());
    }

    /** One criterion's answer as the model gave it. */
    record Answer(String key, String verdict, String confidence, String reasoning, boolean missing,
            List<Quote> evidence) {
    }

    record Quote(String document, int page, String quote) {
    }

    /** The usable answers by key, and what was wrong with the rest. */
    record Parsed(Map<String, Answer> answers, List<String> problems) {
    }

    static Parsed parse(String text, List<String> asked) {
        List<String> problems = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(unfence(text));
        } catch (JacksonException e) {
            problems.add("the answer is not one JSON object (" + e.getOriginalMessage() + ")");
            return new Parsed(answers, problems);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.has("results")
                || !root.get("results").isArray()) {
            problems.add("the answer must be an object with the single field \"results\", an array");
            return new Parsed(answers, problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode item : root.get("results")) {
            String key = item.isObject() && item.path("key").isString() ? item.get("key").asString() : null;
            if (key != null) {
                seen.merge(key, 1, Integer::sum);
            }
        }
        for (JsonNode item : root.get("results")) {
            String problem = problem(item, asked, seen);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            Answer answer = answer(item);
            answers.put(answer.key(), answer);
        }
        for (String key : asked) {
            if (!answers.containsKey(key) && seen.getOrDefault(key, 0) == 0) {
                problems.add("no entry for criterion " + key);
            }
        }
        return new Parsed(answers, problems);
    }

    private static String problem(JsonNode item, List<String> asked, Map<String, Integer> seen) {
        if (!item.isObject()) {
            return "every entry of results must be an object";
        }
        String key = item.path("key").isString() ? item.get("key").asString() : null;
        String at = key == null ? "an entry" : "the entry for " + key;
        for (String field : item.propertyNames()) {
            if (!ITEM_FIELDS.contains(field)) {
                return at + " has the field \"" + field + "\", which is not in the schema";
            }
        }
        if (key == null || !asked.contains(key)) {
            return at + " names no criterion that was asked about";
        }
        if (seen.get(key) > 1) {
            return "criterion " + key + " is answered more than once";
        }
        if (!item.path("verdict").isString() || !VERDICTS.contains(item.get("verdict").asString())) {
            return at + ": verdict must be pass, fail or uncertain";
        }
        if (!item.path("confidence").isString() || !CONFIDENCES.contains(item.get("confidence").asString())) {
            return at + ": confidence must be high, medium or low";
        }
        if (!item.path("reasoning").isString() || item.get("reasoning").asString().isBlank()
                || item.get("reasoning").asString().length() > MAX_REASONING) {
            return at + ": reasoning must be a non-empty text of at most " + MAX_REASONING + " characters";
        }
        if (item.has("missing") && !item.get("missing").isBoolean()) {
            return at + ": missing must be true or false";
        }
        JsonNode evidence = item.path("evidence");
        if (!evidence.isArray() || evidence.size() > MAX_QUOTES) {
            return at + ": evidence must be an array of at most " + MAX_QUOTES + " quotes";
        }
        for (JsonNode quote : evidence) {
            String wrong = quoteProblem(quote);
            if (wrong != null) {
                return at + ": " + wrong;
            }
        }
        return null;
    }

    private static String quoteProblem(JsonNode quote) {
        if (!quote.isObject()) {
            return "each evidence entry must be an object";
        }
        for (String field : quote.propertyNames()) {
            if (!QUOTE_FIELDS.contains(field)) {
                return "evidence has the field \"" + field + "\", which is not in the schema";
            }
        }
        if (!quote.path("document").isString() || !quote.path("page").isIntegralNumber()
                || !quote.path("quote").isString() || quote.get("quote").asString().length() > MAX_QUOTE) {
            return "each evidence entry needs document (text), page (number) and quote (text of at most "
                    + MAX_QUOTE + " characters)";
        }
        return null;
    }

    private static Answer answer(JsonNode item) {
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode quote : item.get("evidence")) {
            quotes.add(new Quote(quote.get("document").asString(), quote.get("page").asInt(),
                    quote.get("quote").asString()));
        }
        return new Answer(item.get("key").asString(), item.get("verdict").asString(),
                item.get("confidence").asString(), item.get("reasoning").asString().strip(),
                item.path("missing").asBoolean(false), quotes);
    }

    /** The text without one surrounding Markdown code fence, if it has exactly that. */
    private static String unfence(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("```") && s.endsWith("```") && s.length() > 6) {
            int newline = s.indexOf('\n');
            if (newline > 0 && s.substring(3, newline).strip().matches("(?i)(json)?")) {
                return s.substring(newline + 1, s.length() - 3).strip();
            }
        }
        return s;
    }
}
