package com.flowstate;

import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are application modules: each uses only the others' public face (their root package, or a
 * package they expose as a named interface), and no two depend on each other in a cycle. The module documentation
 * (component diagrams, one canvas per module) is written under {@code target/spring-modulith-docs}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(FlowstateApplication.class,
            // The main code only; any build directory (helpers build side by side with -Dbuild.dir).
            (ImportOption) location -> !location.contains("/test-classes/"));

    @Test
    void modulesDependOnlyOnEachOthersPublicFaceWithoutCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
