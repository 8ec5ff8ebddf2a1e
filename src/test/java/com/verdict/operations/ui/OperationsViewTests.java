package com.verdict.operations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.verdict.operations.H2Housekeeping;
import org.junit.jupiter.api.Test;

class OperationsViewTests {

    @Test
    void describesTheDatabaseFileInUnitsAnAdminReadsAtAGlance() {
        assertThat(OperationsView.describe(new H2Housekeeping.DatabaseFile(4_690_432_000L, 62)))
                .startsWith("The database file is 4.4 GB; Verdict compacts it");
        assertThat(OperationsView.describe(new H2Housekeeping.DatabaseFile(307L << 20, 97)))
                .startsWith("The database file is 307 MB; Verdict compacts it");
    }
}
