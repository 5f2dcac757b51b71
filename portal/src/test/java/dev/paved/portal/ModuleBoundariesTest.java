package dev.paved.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Features talk through each other's public packages only: a feature's {@code internal} package (and
 * its other sub-packages) are its own, and there are no cycles between features.
 */
class ModuleBoundariesTest {
  private final ApplicationModules modules = ApplicationModules.of(PavedApplication.class);

  @Test
  void featuresRespectEachOthersBoundaries() {
    modules.verify();
  }

  @Test
  void theFeaturesAreTheOnesWeExpect() {
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .contains("catalog", "shell", "database");
  }
}
