package com.verdict.export;

import com.verdict.base.ApiException;
import com.verdict.base.RequestParameters;
import com.verdict.catalog.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What an export keeps, as given by the query parameters that all three files share. Every record must match
 * all the filters; {@code dedupe} then keeps one interaction per instruction and context, and {@code split} last
 * picks train or test by a hash of the interaction id.
 *
 * @param categories    empty for all
 * @param minConfidence null for no minimum
 * @param minJudgments  null for no minimum
 * @param since         inclusive, null for no start
 * @param until         exclusive, null for no end
 * @param testFraction  the share of interactions in the test split; only with a split
 */
public record ExportFilter(Set<Category> categories, String source, String tag, Double minConfidence,
        Integer minJudgments, Instant since, Instant until, boolean includeContested, boolean dedupe, Split split,
        double testFraction) {

    public static final double DEFAULT_TEST_FRACTION = 0.1;
    static final List<String> PARAMETERS = List.of("category", "source", "tag", "min-confidence", "min-judgments",
            "since", "until", "include-contested", "dedupe", "split", "test-fraction");

    public enum Split {
        TRAIN, TEST;

        String key() {
            return name().toLowerCase();
        }
    }

    public ExportFilter {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    /** Everything, contested interactions left out. */
    public static ExportFilter none() {
        return new ExportFilter(Set.of(), null, null, null, null, null, null, false, false, null,
                DEFAULT_TEST_FRACTION);
    }

    /**
     * Reads and checks the query parameters for {@code format}. Every problem is named with its parameter in
     * one 400; unknown parameters are refused too, so that a misspelt filter never goes unnoticed.
     */
    public static ExportFilter parse(ExportFormat format, Map<String, List<String>> parameters) {
        Parser p = new Parser(parameters);
        ExportFilter filter = p.parse(format);
        if (!p.problems.isEmpty()) {
            throw ApiException.badRequest("Invalid export parameters", p.problems);
        }
        return filter;
    }

    /** The filters as a query string in a fixed order, e.g. {@code category=open_qa&split=test&test-fraction=0.1}. */
    public String toQuery() {
        StringJoiner query = new StringJoiner("&");
        toParameters().forEach((name, values) -> values.forEach(value ->
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return query.toString();
    }

    /** The effective filters by parameter name, as a manifest shows them. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        if (!categories.isEmpty()) {
            described.put("category", sortedCategories().stream().map(Category::key).toList());
        }
        putIfSet(described, "source", source);
        putIfSet(described, "tag", tag);
        putIfSet(described, "min-confidence", minConfidence);
        putIfSet(described, "min-judgments", minJudgments);
        putIfSet(described, "since", since == null ? null : since.toString());
        putIfSet(described, "until", until == null ? null : until.toString());
        described.put("include-contested", includeContested);
        if (dedupe) {
            described.put("dedupe", "instruction");
        }
        if (split != null) {
            described.put("split", split.key());
            described.put("test-fraction", testFraction);
        }
        return described;
    }

    private Map<String, List<String>> toParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        describe().forEach((name, value) -> {
            if (value instanceof List<?> list) {
                parameters.put(name, list.stream().map(String::valueOf).toList());
            } else if (!(name.equals("include-contested") && !includeContested)) {
                parameters.put(name, List.of(String.valueOf(value)));
            }
        });
        return parameters;
    }

    private List<Category> sortedCategories() {
        return categories.stream().sorted().toList();
    }

    private static void putIfSet(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    // ---- Matching, applied by the writers.

    boolean admitsCategory(Category category) {
        return categories.isEmpty() || categories.contains(category);
    }

    boolean admitsSource(String... sources) {
        if (source == null) {
            return true;
        }
        for (String candidate : sources) {
            if (source.equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    boolean admitsStrength(double confidence, int judgments) {
        return (minConfidence == null || confidence >= minConfidence)
                && (minJudgments == null || judgments >= minJudgments);
    }

    boolean admitsTime(Instant at) {
        return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
    }

    boolean admitsContested(boolean contested) {
        return includeContested || !contested;
    }

    /**
     * Whether the record falls on the chosen side of the split: by its interaction's id, or with dedupe by its
     * instruction and context, so that an instruction keeps its side whichever of its duplicates is kept (the most
     * confident one now may be another one in the next export, under an id on the other side).
     */
    boolean admitsSplit(ExportRecord record) {
        return admitsSplit(dedupe ? splitKey(record.instruction(), record.context()) : record.externalId());
    }

    /** Whether what has this key (an interaction's id, or {@link #splitKey}) falls on the chosen side. */
    boolean admitsSplit(String key) {
        return split == null || (split == Split.TEST) == (splitPoint(key) < testFraction);
    }

    static String splitKey(String instruction, String context) {
        return instruction + '\u0000' + context;
    }

    /**
     * Where an interaction id falls in [0, 1): the first 53 bits of its SHA-256. The same id always falls in
     * the same place, whatever else the database holds, so a split never changes from export to export.
     */
    static double splitPoint(String externalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Turns query parameters into a filter, collecting every problem on the way. */
    private static final class Parser {
        private final Map<String, List<String>> parameters;
        private final List<String> problems = new ArrayList<>();

        Parser(Map<String, List<String>> parameters) {
            this.parameters = parameters;
        }

        ExportFilter parse(ExportFormat format) {
            problems.addAll(RequestParameters.unknown(parameters.keySet(), PARAMETERS));
            Set<Category> categories = EnumSet.noneOf(Category.class);
            for (String value : parameters.getOrDefault("category", List.of())) {
                Category.fromKey(value.strip()).ifPresentOrElse(categories::add, () -> problems.add(
                        "category: unknown category '" + value + "' (one of " + Category.allKeys() + ")"));
            }
            String source = text("source");
            String tag = text("tag");
            Double minConfidence = number("min-confidence");
            Integer minJudgments = count("min-judgments");
            Instant since = time("since");
            Instant until = time("until");
            if (since != null && until != null && !since.isBefore(until)) {
                problems.add("until: must be after since");
            }
            boolean includeContested = flag("include-contested");
            boolean dedupe = dedupe(format);
            Split split = split();
            double testFraction = testFraction(split);
            return new ExportFilter(categories, source, tag, minConfidence, minJudgments, since, until,
                    includeContested, dedupe, split, testFraction);
        }

        /** The one value of a parameter, or null when absent; given twice is a problem. */
        private String single(String name) {
            List<String> values = parameters.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                problems.add(name + ": give it at most once");
            }
            // A bare "?include-contested" arrives as an empty value, or as none at all through some clients.
            return values.get(0) == null ? "" : values.get(0).strip();
        }

        private String text(String name) {
            String value = single(name);
            if (value != null && value.isEmpty()) {
                problems.add(name + ": must not be empty");
                return null;
            }
            if (value != null && value.length() > 200) {
                problems.add(name + ": at most 200 characters");
                return null;
            }
            return value;
        }

        private Double number(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                double number = Double.parseDouble(value);
                if (number >= 0 && number <= 1) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the range
            }
            problems.add(name + ": must be a number from 0 to 1, not '" + value + "'");
            return null;
        }

        private Integer count(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(name + ": must be a whole number of at least 0, not '" + value + "'");
            return null;
        }

        /** An instant ({@code 2025-03-01T12:00:00Z}) or a date, meaning its start in UTC ({@code 2025-03-01}). */
        private Instant time(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(name + ": must be a date (2025-03-01) or an instant (2025-03-01T12:00:00Z), not '"
                        + value + "'");
                return null;
            }
        }

        private boolean flag(String name) {
            String value = single(name);
            if (value == null || value.equals("false")) {
                return false;
            }
            if (value.isEmpty() || value.equals("true")) {
                return true;
            }
            problems.add(name + ": must be true or false, not '" + value + "'");
            return false;
        }

        private boolean dedupe(ExportFormat format) {
            String value = single("dedupe");
            if (value == null) {
                return false;
            }
            if (!value.equals("instruction")) {
                problems.add("dedupe: the only choice is 'instruction', not '" + value + "'");
                return false;
            }
            if (format == ExportFormat.JUDGMENTS) {
                problems.add("dedupe: applies to dolly.jsonl and preferences.jsonl; raw judgments are kept whole");
                return false;
            }
            return true;
        }

        private Split split() {
            String value = single("split");
            if (value == null) {
                return null;
            }
            for (Split split : Split.values()) {
                if (split.key().equals(value)) {
                    return split;
                }
            }
            problems.add("split: must be train or test, not '" + value + "'");
            return null;
        }

        private double testFraction(Split split) {
            String value = single("test-fraction");
            if (value == null) {
                return DEFAULT_TEST_FRACTION;
            }
            if (split == null && !parameters.containsKey("split")) {
                problems.add("test-fraction: only with split=train or split=test");
            }
            try {
                double fraction = Double.parseDouble(value);
                if (fraction > 0 && fraction < 1) {
                    return fraction;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add("test-fraction: must be a number between 0 and 1 (exclusive), not '" + value + "'");
            return DEFAULT_TEST_FRACTION;
        }
    }
}
