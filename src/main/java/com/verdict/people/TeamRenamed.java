package com.verdict.people;

/** Published inside the transaction that renames a team: whatever keeps a team's name changes it there too. */
public record TeamRenamed(String previousName, String name) {
}
