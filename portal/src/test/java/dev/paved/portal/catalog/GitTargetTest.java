package dev.paved.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GitTargetTest {

  @Test
  void readsTheTargetForm() {
    GitTarget t = GitTarget.parse("https://git.example.com/acme/pay.git#release/2.x:svc/catalog-info.yaml");
    assertThat(t.repositoryUrl()).isEqualTo("https://git.example.com/acme/pay.git");
    assertThat(t.branch()).isEqualTo("release/2.x");
    assertThat(t.path()).isEqualTo("svc/catalog-info.yaml");
    assertThat(t.host()).isEqualTo("git.example.com");
  }

  @Test
  void readsBrowserUrlsOfTheCommonGitHosts() {
    assertThat(GitTarget.fromUserInput("https://github.com/acme/pay/blob/main/catalog-info.yaml").toString())
        .isEqualTo("https://github.com/acme/pay.git#main:catalog-info.yaml");
    assertThat(GitTarget.fromUserInput("https://gitlab.com/acme/sub/pay/-/blob/dev/a/catalog-info.yaml").toString())
        .isEqualTo("https://gitlab.com/acme/sub/pay.git#dev:a/catalog-info.yaml");
    assertThat(GitTarget.fromUserInput("https://gitea.local/acme/pay/src/branch/main/catalog-info.yaml").toString())
        .isEqualTo("https://gitea.local/acme/pay.git#main:catalog-info.yaml");
  }

  @Test
  void ignoresWhatBrowsersAddToAFileAddress() {
    assertThat(GitTarget.fromUserInput("https://gitlab.com/acme/pay/-/blob/main/catalog-info.yaml?ref_type=heads").toString())
        .isEqualTo("https://gitlab.com/acme/pay.git#main:catalog-info.yaml");
    assertThat(GitTarget.fromUserInput("https://github.com/acme/pay/blob/main/catalog-info.yaml#L10-L20").toString())
        .isEqualTo("https://github.com/acme/pay.git#main:catalog-info.yaml");
  }

  @Test
  void refusesCredentialsInTheUrl() {
    assertThatThrownBy(() -> GitTarget.fromUserInput("https://bob:ghp_secret@github.com/acme/pay/blob/main/c.yaml"))
        .hasMessageContaining("contains credentials");
    assertThatThrownBy(() -> GitTarget.parse("https://token@git.example.com/acme/pay.git#main:c.yaml"))
        .hasMessageContaining("contains credentials");
  }

  @Test
  void explainsWhatToPasteWhenTheUrlIsNotAFile() {
    assertThatThrownBy(() -> GitTarget.fromUserInput("https://github.com/acme/pay"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/blob/<branch>/");
  }

  @Test
  void refusesOtherSchemesAndBadBranches() {
    assertThatThrownBy(() -> GitTarget.parse("ssh://git@host/repo.git#main:a.yaml"))
        .hasMessageContaining("must start with https://");
    assertThatThrownBy(() -> GitTarget.parse("https://host/repo.git#-upload-pack:a.yaml"))
        .hasMessageContaining("not a valid branch");
    assertThatThrownBy(() -> GitTarget.parse("https://host/repo.git#main:"))
        .hasMessageContaining("path of the catalog file");
  }
}
