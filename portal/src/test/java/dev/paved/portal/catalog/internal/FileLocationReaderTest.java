package dev.paved.portal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.SourceSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocationReaderTest {
  @TempDir Path root;
  @TempDir Path elsewhere;

  @Test
  void aFileLargerThanTheLimitIsRefusedWithTheLimitNamed() throws Exception {
    Path huge = root.resolve("huge.yaml");
    Files.writeString(huge, "x".repeat(2048));
    FileLocationReader reader = new FileLocationReader(List.of(root), 1024);
    try (SourceSnapshot snapshot = reader.open(huge.toString())) {
      assertThatThrownBy(() -> snapshot.read("huge.yaml")).isInstanceOf(LocationException.class)
          .hasMessage("huge.yaml is 2048 bytes, more than the 1024 bytes allowed (paved.catalog.max-file-size)");
    }
  }

  @Test
  void aFolderTargetMeansEveryYamlFileInIt() throws Exception {
    Files.createDirectories(root.resolve("teams/a"));
    Files.writeString(root.resolve("teams/a/one.yaml"), "kind: A");
    Files.writeString(root.resolve("teams/two.yml"), "kind: B");
    Files.writeString(root.resolve("teams/readme.md"), "#");
    FileLocationReader reader = new FileLocationReader(List.of(root), 1024);
    try (SourceSnapshot snapshot = reader.open(root.resolve("teams").toString())) {
      assertThat(snapshot.entryPaths()).containsExactly("teams/a/one.yaml", "teams/two.yml");
      assertThat(snapshot.read("teams/two.yml").fingerprint()).hasSize(64);
    }
  }

  @Test
  void aSymbolicLinkCannotLeadOutOfTheRoot() throws Exception {
    Files.writeString(elsewhere.resolve("secret.yaml"), "kind: Secret");
    Files.createSymbolicLink(root.resolve("link.yaml"), elsewhere.resolve("secret.yaml"));
    FileLocationReader reader = new FileLocationReader(List.of(root), 1024);
    assertThatThrownBy(() -> reader.open(root.resolve("link.yaml").toString()))
        .isInstanceOf(LocationException.class).hasMessageContaining("outside the folders the catalog may read");
  }

  @Test
  void listingAFolderGivesItsFilesButNeverFollowsALinkOutOrLeavesTheRoot() throws Exception {
    Files.createDirectories(root.resolve("templates/site/skeleton"));
    Files.writeString(root.resolve("templates/site/template.yaml"), "kind: Template");
    Files.writeString(root.resolve("templates/site/skeleton/README.md"), "#");
    Files.writeString(elsewhere.resolve("id_rsa"), "secret");
    Files.createSymbolicLink(root.resolve("templates/site/skeleton/key"), elsewhere.resolve("id_rsa"));
    FileLocationReader reader = new FileLocationReader(List.of(root), 1024);
    try (SourceSnapshot snapshot = reader.open(root.resolve("templates/site/template.yaml").toString())) {
      assertThat(snapshot.list("templates/site"))
          .containsExactly("templates/site/skeleton/README.md", "templates/site/template.yaml");
      assertThatThrownBy(() -> snapshot.list("../")).isInstanceOf(LocationException.class)
          .hasMessageContaining("does not exist under");
    }
  }
}
