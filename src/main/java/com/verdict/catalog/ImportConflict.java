package com.verdict.catalog;

import com.verdict.base.Words;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ids already stored with other content, so the import was refused whole: {@code changed} could be replaced
 * ({@link OnConflict#REPLACE}), {@code judged} cannot, being judged already. Each list holds the first
 * {@value JsonlImporter#MAX_REPORTED_ERRORS} ids; {@code total} counts them all. {@link #ids} names each with the
 * line of the file it is on.
 */
public class ImportConflict extends RuntimeException {

    /** An id of the file stored already with other content, and the line of the file it is on. */
    record Conflicting(String id, long line) {
    }

    private final List<Conflicting> changed;
    private final List<Conflicting> judged;
    private final int total;

    ImportConflict(List<Conflicting> changed, List<Conflicting> judged, int total) {
        super(message(changed, judged, total));
        this.changed = List.copyOf(changed);
        this.judged = List.copyOf(judged);
        this.total = total;
    }

    private static String message(List<Conflicting> changed, List<Conflicting> judged, int total) {
        StringBuilder message = new StringBuilder(Words.count(total, "id") + " already stored with different content; nothing "
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
        return Stream.concat(changed.stream().map(c -> c.id() + " (line " + c.line() + ")"),
                judged.stream().map(c -> c.id() + " (line " + c.line() + ", has judgments)")).toList();
    }

    public List<String> changed() {
        return changed.stream().map(Conflicting::id).toList();
    }

    public List<String> judged() {
        return judged.stream().map(Conflicting::id).toList();
    }

    public int total() {
        return total;
    }
}
