package com.verdict.judging;

import java.util.Optional;

/** A judgment's result and the pair dealt next, if any could be. */
public record JudgedThenDealt(JudgmentResult judgment, Optional<Deal> next) {
}
