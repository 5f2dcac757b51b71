package dev.paved.portal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.catalog.LocationException;
import org.junit.jupiter.api.Test;

class SourcePathsTest {

  @Test
  void targetsResolveRelativeToTheFileThatNamesThem() throws Exception {
    assertThat(SourcePaths.resolve("catalog/all.yaml", "./teams/a.yaml")).isEqualTo("catalog/teams/a.yaml");
    assertThat(SourcePaths.resolve("catalog/all.yaml", "../root.yaml")).isEqualTo("root.yaml");
    assertThat(SourcePaths.resolve("all.yaml", "x//y/./z.yaml")).isEqualTo("x/y/z.yaml");
  }

  @Test
  void aTargetEscapingTheSourceIsRefused() {
    assertThatThrownBy(() -> SourcePaths.resolve("catalog/all.yaml", "../../etc/passwd"))
        .isInstanceOf(LocationException.class).hasMessageContaining("points outside its source");
  }

  @Test
  void absolutePathsAndUrlsAreRefused() {
    assertThatThrownBy(() -> SourcePaths.resolve("a.yaml", "/etc/passwd")).isInstanceOf(LocationException.class)
        .hasMessageContaining("must be a relative path");
    assertThatThrownBy(() -> SourcePaths.resolve("a.yaml", "https://evil.example/x.yaml"))
        .isInstanceOf(LocationException.class);
    assertThatThrownBy(() -> SourcePaths.resolve("a.yaml", "..\\..\\x")).isInstanceOf(LocationException.class);
  }
}
