package org.lafaom.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: each feature package uses only what others publish and what it declares. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void whenModulesAreVerifiedThenNoBoundaryIsCrossed() {
        modules.verify();
    }

    @Test
    void whenDocumentedThenModuleDiagramsAreWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
