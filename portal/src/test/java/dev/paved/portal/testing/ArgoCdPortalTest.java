package dev.paved.portal.testing;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import dev.paved.plugin.argocd.FakeArgoCd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal connected to a fake Argo CD (one instance, {@code local}, deploying every environment), with
 * the built-in golden paths and the demo catalog, in a scratch folder of its own. The fake reads the
 * portal's embedded Git server ({@link GitBackedArgoCd}), so sync, history and rollback work on real GitOps
 * commits. Test classes extending this
 * share one application context and one fake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TestUsers.MockMvcSignIn.class)
public abstract class ArgoCdPortalTest {
  public static final Path WORK = work();
  public static final FakeArgoCd ARGO = GitBackedArgoCd.start(() -> WORK.resolve("git"));

  @Autowired protected ApplicationContext context;

  private static Path work() {
    try {
      return Files.createTempDirectory("paved-argocd-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void argoCd(DynamicPropertyRegistry registry) {
    registry.add("paved.database.embedded.data-dir", () -> WORK.resolve("postgres").toString());
    registry.add("paved.git.embedded.root", () -> WORK.resolve("git").toString());
    registry.add("paved.catalog.git.cache-dir", () -> WORK.resolve("git-cache").toString());
    registry.add("paved.catalog.locations[0].type", () -> "file");
    registry.add("paved.catalog.locations[0].target",
        () -> PortalTest.REPO_ROOT.resolve("catalog-info/catalog-info.yaml").toString());
    registry.add("paved.catalog.file-roots[0]", () -> PortalTest.REPO_ROOT.resolve("catalog-info").toString());
    registry.add("paved.catalog.refresh-interval", () -> "1h");
    registry.add("paved.golden-paths.directories[0]",
        () -> PortalTest.REPO_ROOT.resolve("golden-paths/templates").toString());
    registry.add("paved.plugins.argocd.instances.local.url", ARGO::url);
    registry.add("paved.plugins.argocd.instances.local.token", () -> FakeArgoCd.TOKEN);
    registry.add("paved.plugins.argocd.instances.local.request-timeout", () -> "2s");
    registry.add("paved.plugins.argocd.reconnect-backoff", () -> "200ms");
  }

  /** The user every test acts as unless it says otherwise. */
  public static final dev.paved.portal.access.PortalUser DEVELOPER = TestUsers.DEFAULT;

  @org.junit.jupiter.api.BeforeEach
  void signInAsDefaultUser() {
    TestUsers.useHolderOf(context);
    TestUsers.signIn(DEVELOPER);
  }

  @org.junit.jupiter.api.AfterEach
  void signOut() {
    TestUsers.signOut();
  }

  /** Starts the spring-boot-service golden path for team-payments and waits until the task is over. */
  public static dev.paved.portal.goldenpaths.Scaffolder.TaskView scaffold(dev.paved.portal.goldenpaths.Scaffolder scaffolder,
      String name) {
    return IsolatedPortal.awaitFinished(scaffolder, scaffolder.start("spring-boot-service", java.util.Map.of("name", name,
        "owner", "group:default/team-payments", "javaPackage", "com.acme.svc",
        "repoUrl", "localhost:8080?owner=team-payments&repo=" + name), DEVELOPER, null).task().id());
  }

  /** Scaffolds a Spring Boot service (the task must succeed) and returns its name. */
  protected static String scaffoldService(dev.paved.portal.goldenpaths.Scaffolder scaffolder) {
    String name = "svc" + java.util.UUID.randomUUID().toString().substring(0, 8);
    var task = scaffold(scaffolder, name);
    if (!task.state().equals(dev.paved.portal.goldenpaths.Scaffolder.State.SUCCEEDED)) {
      throw new AssertionError("scaffolding " + name + " failed: " + task.error() + " " + task.log());
    }
    return name;
  }

  /** Sets up Karibu for UI tests in this context. */
  protected void browserless() {
    UiTest.setUp(context);
  }

  @AfterEach
  void tearDownVaadin() {
    MockVaadin.tearDown();
  }
}
