package com.verdict.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses and checks one JSONL line of an import, naming every problem with its field. */
class LineParser {

    private static final Set<String> KEYS = Set.of("id", "instruction", "context", "category", "responses");
    private static final Set<String> RESPONSE_KEYS = Set.of("text", "source");
    static final int MAX_ID_CHARS = 200;
    static final int MAX_SOURCE_CHARS = 200;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final int maxTextChars;

    LineParser(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    /** The interaction on this line, or empty with the problems added to {@code errors}. */
    Optional<ParsedInteraction> parse(String text, long line, List<ImportError> errors) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new ImportError(line, "", "invalid JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            errors.add(new ImportError(line, "", "must be a JSON object"));
            return Optional.empty();
        }
        int before = errors.size();
        unknownKeys(node, KEYS, "", line, errors);
        String id = string(node, "id", line, errors, true, MAX_ID_CHARS);
        String instruction = string(node, "instruction", line, errors, true, maxTextChars);
        String context = optionalString(node, "context", line, errors);
        Category category = category(node, line, errors);
        List<ParsedInteraction.Response> responses = responses(node, line, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ParsedInteraction(line, id, instruction, context, category, responses));
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String prefix, long line, List<ImportError> errors) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(new ImportError(line, prefix + name,
                        "unknown field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    private String string(JsonNode node, String field, long line, List<ImportError> errors, boolean notBlank,
            int maxChars) {
        return string(node, field, field, line, errors, notBlank, maxChars);
    }

    /** The string at {@code key}, with problems reported under {@code field}, its path in the line. */
    private String string(JsonNode node, String key, String field, long line, List<ImportError> errors,
            boolean notBlank, int maxChars) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            errors.add(new ImportError(line, field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new ImportError(line, field, "must be a string, not " + kind(value)));
            return null;
        }
        String text = value.textValue();
        if (notBlank && text.isBlank()) {
            errors.add(new ImportError(line, field, "must not be blank"));
            return null;
        }
        if (text.length() > maxChars) {
            errors.add(new ImportError(line, field,
                    "is " + text.length() + " characters long; at most " + maxChars + " are allowed"));
            return null;
        }
        return text;
    }

    private String optionalString(JsonNode node, String field, long line, List<ImportError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        return string(node, field, line, errors, false, maxTextChars);
    }

    private Category category(JsonNode node, long line, List<ImportError> errors) {
        JsonNode value = node.get("category");
        if (value == null || value.isNull()) {
            errors.add(new ImportError(line, "category", "is required (one of " + Category.allKeys() + ")"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new ImportError(line, "category", "must be a string, not " + kind(value)));
            return null;
        }
        Optional<Category> category = Category.fromKey(value.textValue());
        if (category.isEmpty()) {
            errors.add(new ImportError(line, "category",
                    "unknown category '" + value.textValue() + "' (one of " + Category.allKeys() + ")"));
        }
        return category.orElse(null);
    }

    private List<ParsedInteraction.Response> responses(JsonNode node, long line, List<ImportError> errors) {
        JsonNode value = node.get("responses");
        if (value == null || value.isNull()) {
            errors.add(new ImportError(line, "responses", "is required (an array of at least two responses)"));
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new ImportError(line, "responses", "must be an array, not " + kind(value)));
            return List.of();
        }
        if (value.size() < 2) {
            errors.add(new ImportError(line, "responses",
                    "has " + value.size() + " response(s); at least two are needed to compare"));
        }
        List<ParsedInteraction.Response> responses = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String field = "responses[" + i + "]";
            JsonNode response = value.get(i);
            if (!response.isObject()) {
                errors.add(new ImportError(line, field, "must be an object with \"text\", not " + kind(response)));
                continue;
            }
            unknownKeys(response, RESPONSE_KEYS, field + ".", line, errors);
            String text = string(response, "text", field + ".text", line, errors, false, maxTextChars);
            JsonNode sourceNode = response.get("source");
            String source = "unknown";
            if (sourceNode != null && !sourceNode.isNull()) {
                source = string(response, "source", field + ".source", line, errors, true, MAX_SOURCE_CHARS);
            }
            responses.add(new ParsedInteraction.Response(text, source));
        }
        return responses;
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
