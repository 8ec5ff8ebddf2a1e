package com.verdict.leaderboard;

import com.verdict.base.VerdictProperties;
import com.verdict.catalog.Category;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dataset's targets per category, checked at startup so that a typo in a key stops the app. */
@Component
class DatasetTargets {

    private final Map<String, Integer> targets;

    DatasetTargets(VerdictProperties properties) {
        this.targets = properties.dataset().targets();
        List<String> unknown = targets.keySet().stream().filter(k -> Category.fromKey(k).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("verdict.dataset.targets has unknown categories " + unknown
                    + " (allowed: " + Category.allKeys() + ")");
        }
    }

    int of(Category category) {
        return targets.getOrDefault(category.key(), 0);
    }
}
