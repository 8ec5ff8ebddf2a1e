package com.verdict.export;

import com.verdict.base.VerdictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns when a real installation (no demo data) keeps the development key of the judge pseudonyms: the key ships in
 * config/application.yml and judge ids are small numbers, so anyone with a raw-judgments file could name its judges.
 */
@Component
class PseudonymKeyCheck {

    static final String DEVELOPMENT_KEY = "verdict-development-key-change-me";
    private static final Logger log = LoggerFactory.getLogger(PseudonymKeyCheck.class);

    private final VerdictProperties properties;

    PseudonymKeyCheck(VerdictProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnOfTheDevelopmentKey() {
        if (keepsTheDevelopmentKey()) {
            log.warn("verdict.export.judge-id-key is the development key from config/application.yml: the judges of a "
                    + "raw-judgments export can be named by anyone who has the file. Set VERDICT_EXPORT_JUDGE_ID_KEY to "
                    + "a secret of your own, e.g. $(openssl rand -hex 32).");
        }
    }

    boolean keepsTheDevelopmentKey() {
        return !properties.demo().enabled() && DEVELOPMENT_KEY.equals(properties.export().judgeIdKey());
    }
}
