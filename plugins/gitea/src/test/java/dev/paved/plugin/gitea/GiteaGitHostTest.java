package dev.paved.plugin.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.plugin.git.GitHost;
import dev.paved.plugin.git.GitHostException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gitea host against a fake Gitea speaking real HTTP: what golden paths and undo see. */
class GiteaGitHostTest {
  static final String TOKEN = "3f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddb";

  final FakeGitea gitea = new FakeGitea(TOKEN, "acme");
  final GiteaGitHost host = host(gitea.url(), TOKEN, Duration.ofSeconds(5));

  static GiteaGitHost host(String url, String token, Duration timeout) {
    return new GiteaGitHost(new GiteaProperties(URI.create(url), token, timeout));
  }

  @AfterEach
  void stop() {
    host.close();
    gitea.close();
  }

  @Test
  void aRepositoryCreatedInAnOrganizationExistsAndIsClonedFromTheGiteaAddress() throws Exception {
    assertThat(host.exists("acme", "payments")).isFalse();

    GitHost.Repository created = host.create("acme", "payments", "Takes the money");

    assertThat(created.cloneUrl()).isEqualTo(gitea.url() + "/acme/payments.git");
    assertThat(created.webUrl()).isEqualTo(gitea.url() + "/acme/payments");
    assertThat(created.pushUrl()).isEqualTo(created.cloneUrl());
    assertThat(host.locate("acme", "payments")).isEqualTo(created);
    assertThat(host.exists("acme", "payments")).isTrue();
    assertThat(gitea.apiCalls()).contains("POST /api/v1/orgs/acme/repos");
  }

  @Test
  void aRepositoryOfTheTokensOwnUserIsCreatedThroughTheUserEndpoint() throws Exception {
    host.create("Paved-Bot", "scratch", null);

    assertThat(gitea.hasRepository(FakeGitea.LOGIN, "scratch")).isTrue();
    assertThat(gitea.apiCalls()).contains("GET /api/v1/user", "POST /api/v1/user/repos");
  }

  @Test
  void creatingARepositoryThatExistsIsAConflict() {
    gitea.createRepository("acme", "payments");

    assertThatThrownBy(() -> host.create("acme", "payments", ""))
        .isInstanceOfSatisfying(GitHostException.class, e -> assertThat(e.conflict()).isTrue())
        .hasMessage("repository acme/payments already exists on " + gitea.hostName() + "; choose another name");
  }

  @Test
  void creatingInAnOrganizationThatDoesNotExistSaysSo() {
    assertThatThrownBy(() -> host.create("nobody", "payments", ""))
        .isInstanceOfSatisfying(GitHostException.class, e -> assertThat(e.conflict()).isFalse())
        .hasMessageContaining("there is no organization nobody on Gitea at " + gitea.url())
        .hasMessageContaining("create it in Gitea or choose another owner");
  }

  @Test
  void aDeletedRepositoryIsGoneAndDeletingItAgainIsFine() throws Exception {
    host.create("acme", "payments", "");

    host.delete("acme", "payments");
    assertThat(host.exists("acme", "payments")).isFalse();
    assertThat(gitea.hasRepository("acme", "payments")).isFalse();

    host.delete("acme", "payments");
  }

  @Test
  void aRefusedTokenSaysWhichSettingToCheckWithoutShowingTheToken() {
    try (GiteaGitHost wrong = host(gitea.url(), "not-the-token-0123456789", Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> wrong.exists("acme", "payments"))
          .isInstanceOf(GitHostException.class)
          .hasMessageStartingWith("the Gitea token is refused (401: token is required) when trying to look up acme/payments")
          .hasMessageEndingWith("check paved.plugins.gitea.token and its scopes")
          .hasMessageNotContaining("not-the-token");
    }
  }

  @Test
  void anUnreachableGiteaSaysWhereItWasLookedFor() {
    gitea.stop();

    assertThatThrownBy(() -> host.create("acme", "payments", ""))
        .isInstanceOf(GitHostException.class)
        .hasMessageStartingWith("could not reach Gitea at " + gitea.url() + " to ")
        .hasMessageEndingWith("check paved.plugins.gitea.url and that Gitea is running");
    assertThatThrownBy(() -> host.delete("acme", "payments"))
        .hasMessageStartingWith("could not reach Gitea at " + gitea.url() + " to delete acme/payments");
  }

  @Test
  void aGiteaThatDoesNotAnswerInTimeSaysWhichSettingRaisesTheTimeout() throws Exception {
    // accepts connections (the kernel does) and never answers
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        GiteaGitHost slow = host("http://127.0.0.1:" + silent.getLocalPort(), TOKEN, Duration.ofMillis(500))) {
      assertThatThrownBy(() -> slow.exists("acme", "payments"))
          .isInstanceOf(GitHostException.class)
          .hasMessage("Gitea at http://127.0.0.1:" + silent.getLocalPort() + " did not answer within 500ms when asked "
              + "to look up acme/payments; try again, or raise paved.plugins.gitea.timeout");
    }
  }

  @Test
  void namesThatWouldLeaveTheApiPathAreRefusedBeforeAskingGitea() {
    assertThatThrownBy(() -> host.delete("acme", "..")).isInstanceOf(GitHostException.class)
        .hasMessageContaining("'..' is not a valid owner or repository name");
    assertThatThrownBy(() -> host.exists("../admin", "x")).isInstanceOf(GitHostException.class);
    assertThat(gitea.apiCalls()).isEmpty();
  }

  @Test
  void itServesTheHostOfItsUrlWhateverTheCaseAndWithTheDefaultPortWrittenOut() {
    try (GiteaGitHost https = host("https://Gitea.Acme.example/", TOKEN, Duration.ofSeconds(1))) {
      assertThat(https.serves("gitea.acme.example")).isTrue();
      assertThat(https.serves("gitea.acme.example:443")).isTrue();
      assertThat(https.serves("gitea.acme.example:3000")).isFalse();
      assertThat(https.serves("github.com")).isFalse();
      assertThat(https.id()).isEqualTo("gitea");
    }
    assertThat(host.serves(gitea.hostName())).isTrue();
  }

  @Test
  void theTokenShowsNowhereButInThePushCredentials() throws Exception {
    host.exists("acme", "payments");

    assertThat(host.pushCredentials().username()).isEqualTo(FakeGitea.LOGIN);
    assertThat(host.pushCredentials().secret()).isEqualTo(TOKEN);
    assertThat(host.pushCredentials().toString()).doesNotContain(TOKEN);
    assertThat(host.toString()).doesNotContain(TOKEN);
    assertThat(new GiteaProperties(URI.create(gitea.url()), TOKEN, null).toString()).doesNotContain(TOKEN);
  }

  @Test
  void aHalfSetUpConfigurationSaysWhatIsMissing() {
    assertThatThrownBy(() -> new GiteaProperties(URI.create("https://gitea.acme.example"), " ", null))
        .hasMessageStartingWith("paved.plugins.gitea.token is not set");
    assertThatThrownBy(() -> new GiteaProperties(URI.create("gitea.acme.example"), TOKEN, null))
        .hasMessageStartingWith("paved.plugins.gitea.url must be Gitea's address");
  }
}
