package com.verdict.people;

/** What a user may do. Every employee judges; some also lead a team, engineer the data or administer. */
public enum Role {
    JUDGE, LEAD, ENGINEER, ADMIN
}
