package com.verdict;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The features stay apart: no cycles, and one feature uses only another's public API. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VerdictApplication.class);

    @Test
    void featuresDependOnlyOnEachOthersApis() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml();
    }
}
