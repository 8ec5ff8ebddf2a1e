package com.verdict.catalog;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ids already stored with other content, so the import was refused whole: {@code changed} could be replaced
 * ({@link OnConflict#REPLACE}), {@code judged} cannot, being judged already. Each list holds the first
 * {@value JsonlImporter#MAX_REPORTED_ERRORS} ids; {@code total} counts them all. {@link #ids} names each with the
 * line of the file it is on.
 */
public class ImportConflict extends RuntimeException {

    private final List<String> changed;
    private final List<String> judged;
    private final int total;
    private final Map<String, Long> lineOfId;

    ImportConflict(List<String> changed, List<String> judged, int total, Map<String, Long> lineOfId) {
        super(message(changed, judged, total));
        this.changed = List.copyOf(changed);
        this.judged = List.copyOf(judged);
        this.total = total;
        this.lineOfId = Map.copyOf(lineOfId);
    }

    private static String message(List<String> changed, List<String> judged, int total) {
        StringBuilder message = new StringBuilder(total + " id(s) already stored with different content; nothing "
                + "was imported.");
        if (!changed.isEmpty()) {
            message.append(" Import them under new ids, or with on-conflict=replace to replace those not yet judged.");
        }
        if (!judged.isEmpty()) {
            message.append(" Interactions already judged cannot be replaced: import them under new ids.");
        }
        return message.toString();
    }

    /** Every id named with its line, the judged ones marked: "c-1 (line 6)", "c-2 (line 9, has judgments)". */
    public List<String> ids() {
        return Stream.concat(changed.stream().map(id -> id + " (line " + lineOfId.get(id) + ")"),
                judged.stream().map(id -> id + " (line " + lineOfId.get(id) + ", has judgments)")).toList();
    }

    public List<String> changed() {
        return changed;
    }

    public List<String> judged() {
        return judged;
    }

    public int total() {
        return total;
    }
}
