package com.verdict.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.VerdictTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tests run as an installation without demo data on config/application.yml's key: the case to warn of. */
@VerdictTest
class PseudonymKeyCheckTests {

    @Autowired
    PseudonymKeyCheck check;

    @Test
    void theDevelopmentKeyWithoutDemoDataIsWarnedOf() {
        assertThat(check.keepsTheDevelopmentKey()).isTrue();
    }
}
