package com.verdict.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedInteractionTests {

    @Test
    void tagsInAnotherOrderAreTheSameContent() {
        // Java's order of the parsed tags, and PostgreSQL's (en_US collation) of the stored ones.
        ParsedInteraction parsed = interaction(List.of("A", "Z", "_x", "b", "é"));
        ParsedInteraction stored = interaction(List.of("_x", "A", "b", "é", "Z"));

        assertThat(parsed.sameContentAs(stored)).isTrue();
        assertThat(parsed.sameContentAs(interaction(List.of("A", "Z", "_x", "b")))).isFalse();
    }

    private static ParsedInteraction interaction(List<String> tags) {
        return new ParsedInteraction(1, "t-1", "Q?", "", Category.OPEN_QA,
                List.of(new ParsedInteraction.Response("a", "m1"), new ParsedInteraction.Response("b", "m2")), null,
                null, tags);
    }
}
