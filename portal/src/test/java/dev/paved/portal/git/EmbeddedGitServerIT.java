package dev.paved.portal.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.git.GitHost;
import dev.paved.portal.identity.AccessTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded Git server over real HTTP with the real git command line: anyone may clone; pushing
 * needs a personal access token as the password, and stops working when the token is revoked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedGitServerIT {
  static Path work;
  @LocalServerPort int port;
  @Autowired GitHosts hosts;
  @Autowired AccessTokens tokens;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    work = Files.createTempDirectory("paved-git-it-");
    registry.add("paved.database.embedded.data-dir", () -> work.resolve("postgres").toString());
    registry.add("paved.git.embedded.root", () -> work.resolve("git").toString());
    registry.add("paved.catalog.git.cache-dir", () -> work.resolve("git-cache").toString());
    registry.add("paved.catalog.file-roots[0]", () -> Path.of("../catalog-info").toAbsolutePath().normalize().toString());
  }

  record Result(int exit, String output) {}

  static Result git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Jane", "-c", "user.email=jane@acme.example",
        "-c", "credential.helper=", "-c", "core.askPass=true"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GIT_TERMINAL_PROMPT", "0");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    return new Result(p.waitFor(), out);
  }

  @Test
  void anyoneClonesButOnlyATokenPushes() throws Exception {
    String host = hosts.hostNames().get(0);
    assertThat(host).isEqualTo("localhost:" + port);
    GitHost embedded = hosts.forHostName(host).orElseThrow();
    GitHost.Repository repo = embedded.create("team-search", "notes", "notes");
    Path clones = Files.createTempDirectory("clones-");
    // an empty repository clones (with a warning) and gets a first commit from the command line
    assertThat(git(clones, "clone", "-q", repo.cloneUrl(), "notes").exit()).isZero();
    Path notes = clones.resolve("notes");
    Files.writeString(notes.resolve("README.md"), "# notes\n");
    assertThat(git(notes, "add", ".").exit()).isZero();
    assertThat(git(notes, "commit", "-q", "-m", "first").exit()).isZero();

    Result anonymous = git(notes, "push", "-q", "origin", "HEAD:main");
    assertThat(anonymous.exit()).isNotZero();
    assertThat(anonymous.output()).containsAnyOf("Authentication failed", "could not read Username");

    AccessTokens.Created token = tokens.create("user:default/jane", "laptop");
    String withToken = repo.cloneUrl().replace("http://", "http://jane:" + token.token() + "@");
    Result pushed = git(notes, "push", "-q", withToken, "HEAD:main");
    assertThat(pushed.exit()).as(pushed.output()).isZero();
    assertThat(git(clones, "clone", "-q", repo.cloneUrl(), "again").exit()).isZero();
    assertThat(clones.resolve("again/README.md")).hasContent("# notes");

    tokens.revoke(token.view().id(), "user:default/jane");
    Files.writeString(notes.resolve("more.md"), "more\n");
    git(notes, "add", ".");
    git(notes, "commit", "-q", "-m", "second");
    assertThat(git(notes, "push", "-q", withToken, "HEAD:main").exit()).as("a revoked token").isNotZero();
  }
}
