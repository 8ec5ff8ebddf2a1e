package com.verdict.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.verdict.base.JsonProblems;
import com.verdict.base.StoredText;
import com.verdict.base.Words;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses and checks one JSONL line of an import, naming every problem with its field:
 * {@code {"id", "instruction", "context"?, "category", "responses": [{"text", "source"?}, …], "response"?,
 * "gold"?: {"best", "why"?}, "tags"?: […]}}. A Dolly {@code response} becomes one more candidate, the last,
 * with source {@value ParsedInteraction#REFERENCE_SOURCE}.
 */
class LineParser {

    private static final Set<String> KEYS = Set.of("id", "instruction", "context", "category", "responses",
            "response", "gold", "tags");
    private static final Set<String> RESPONSE_KEYS = Set.of("text", "source");
    private static final Set<String> GOLD_KEYS = Set.of("best", "why");
    static final int MAX_ID_CHARS = 200;
    static final int MAX_SOURCE_CHARS = 200;
    static final int MAX_TAG_CHARS = 100;
    static final int MAX_TAGS = 50;
    static final int MAX_WHY_CHARS = 2000;

    private final ObjectMapper json;
    private final int maxTextChars;
    private final int maxResponses;

    LineParser(int maxTextChars, int maxResponses) {
        this.maxTextChars = maxTextChars;
        this.maxResponses = maxResponses;
        this.json = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        // A long text is reported with its length, not as unreadable JSON.
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(100).build());
    }

    /** The interaction on this line, or empty with the problems added to {@code errors}. */
    Optional<ParsedInteraction> parse(String text, long line, List<ImportError> errors) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new ImportError(line, "", "invalid JSON: " + JsonProblems.describe(e, false)));
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            errors.add(new ImportError(line, "", "must be a JSON object, not " + (node == null ? "nothing" : kind(node))));
            return Optional.empty();
        }
        int before = errors.size();
        unknownKeys(node, KEYS, "", line, errors);
        String id = string(node, "id", "id", line, errors, true, MAX_ID_CHARS);
        if (id != null && !id.equals(id.strip())) {
            // " faq-1" and "faq-1" would be two interactions that read as one in every view and export.
            errors.add(new ImportError(line, "id", "must not begin or end with spaces: '" + id + "'"));
            id = null;
        }
        String instruction = string(node, "instruction", "instruction", line, errors, true, maxTextChars);
        String context = optionalString(node, "context", "context", line, errors, maxTextChars);
        Category category = category(node, line, errors);
        List<ParsedInteraction.Response> responses = responses(node, line, errors);
        Integer goldBest = null;
        String goldWhy = null;
        JsonNode gold = node.get("gold");
        if (gold != null && !gold.isNull()) {
            if (!gold.isObject()) {
                errors.add(new ImportError(line, "gold", "must be an object {\"best\": index, \"why\"?: text}, not "
                        + kind(gold)));
            } else {
                unknownKeys(gold, GOLD_KEYS, "gold.", line, errors);
                goldBest = goldBest(gold, responses, line, errors);
                goldWhy = optionalString(gold, "why", "gold.why", line, errors, MAX_WHY_CHARS);
                goldWhy = goldWhy == null || goldWhy.isBlank() ? null : goldWhy;
            }
        }
        List<String> tags = tags(node, line, errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ParsedInteraction(line, id, instruction, context, category, responses, goldBest,
                goldWhy, tags));
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
        String unstorable = StoredText.problem(text);
        if (unstorable != null) {
            errors.add(new ImportError(line, field, unstorable));
            return null;
        }
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

    /** An absent or null optional string is empty. */
    private String optionalString(JsonNode node, String key, String field, long line, List<ImportError> errors,
            int maxChars) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        return string(node, key, field, line, errors, false, maxChars);
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
        boolean dolly = node.has("response") && !node.get("response").isNull();
        if (value == null || value.isNull()) {
            errors.add(new ImportError(line, "responses", "is required (an array of at least two responses"
                    + (dolly ? "; a Dolly \"response\" counts as one more" : "") + ")"));
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new ImportError(line, "responses", "must be an array, not " + kind(value)));
            return List.of();
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
            String source = ParsedInteraction.UNKNOWN_SOURCE;
            JsonNode sourceNode = response.get("source");
            if (sourceNode != null && !sourceNode.isNull()) {
                source = string(response, "source", field + ".source", line, errors, true, MAX_SOURCE_CHARS);
            }
            responses.add(new ParsedInteraction.Response(text, source));
        }
        if (dolly) {
            String reference = string(node, "response", "response", line, errors, false, maxTextChars);
            responses.add(new ParsedInteraction.Response(reference, ParsedInteraction.REFERENCE_SOURCE));
        }
        if (responses.size() < 2) {
            errors.add(new ImportError(line, "responses", "has " + Words.count(responses.size(), "response")
                    + (dolly ? " with the Dolly \"response\"" : "") + "; at least two are needed to compare"));
        } else if (responses.size() > maxResponses) {
            errors.add(new ImportError(line, "responses", "has " + responses.size() + " responses"
                    + (dolly ? " with the Dolly \"response\"" : "") + "; at most " + maxResponses + " are allowed"));
        }
        return responses;
    }

    private static Integer goldBest(JsonNode gold, List<ParsedInteraction.Response> responses, long line,
            List<ImportError> errors) {
        JsonNode best = gold.get("best");
        if (best == null || best.isNull()) {
            errors.add(new ImportError(line, "gold.best", "is required (the index of the better response)"));
            return null;
        }
        if (!best.isNumber()) {
            errors.add(new ImportError(line, "gold.best", "must be a whole number, not " + kind(best)));
            return null;
        }
        if (!best.isIntegralNumber() || !best.canConvertToInt() || best.intValue() < 0
                || best.intValue() >= responses.size()) {
            errors.add(new ImportError(line, "gold.best", "is " + best.asText() + "; must be the index of a "
                    + "response, a whole number from 0 to " + Math.max(responses.size() - 1, 0)));
            return null;
        }
        return best.intValue();
    }

    private static List<String> tags(JsonNode node, long line, List<ImportError> errors) {
        JsonNode value = node.get("tags");
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new ImportError(line, "tags", "must be an array of strings, not " + kind(value)));
            return List.of();
        }
        if (value.size() > MAX_TAGS) {
            errors.add(new ImportError(line, "tags", "has " + value.size() + " tags; at most " + MAX_TAGS
                    + " are allowed"));
            return List.of();
        }
        TreeSet<String> tags = new TreeSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode tag = value.get(i);
            String field = "tags[" + i + "]";
            String unstorable = StoredText.problem(tag.textValue());
            if (!tag.isTextual()) {
                errors.add(new ImportError(line, field, "must be a string, not " + kind(tag)));
            } else if (unstorable != null) {
                errors.add(new ImportError(line, field, unstorable));
            } else if (tag.textValue().isBlank()) {
                errors.add(new ImportError(line, field, "must not be blank"));
            } else if (tag.textValue().length() > MAX_TAG_CHARS) {
                errors.add(new ImportError(line, field, "is " + tag.textValue().length()
                        + " characters long; at most " + MAX_TAG_CHARS + " are allowed"));
            } else {
                tags.add(tag.textValue());
            }
        }
        return List.copyOf(tags);
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase();
        };
    }
}
