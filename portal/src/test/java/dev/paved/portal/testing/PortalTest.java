package dev.paved.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as the tests see it: the whole application on a real embedded PostgreSQL in a fresh
 * folder, with the demo catalog loaded and a scratch folder that file locations may read. Every test
 * class extending this shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(TestUsers.MockMvcSignIn.class)
public abstract class PortalTest {
  /** The repository's root folder (tests run in portal/). */
  public static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
  /** Scratch space shared by the test run. */
  public static final Path WORK = createWork();
  /** A folder that file locations may read from. */
  public static final Path FILES = WORK.resolve("files");

  private static Path createWork() {
    try {
      Path work = Files.createTempDirectory("paved-test-");
      Files.createDirectories(work.resolve("files"));
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void portalProperties(DynamicPropertyRegistry registry) {
    registry.add("paved.database.embedded.data-dir", () -> WORK.resolve("postgres").toString());
    registry.add("paved.catalog.locations[0].type", () -> "file");
    registry.add("paved.catalog.locations[0].target", () -> REPO_ROOT.resolve("catalog-info/catalog-info.yaml").toString());
    registry.add("paved.catalog.file-roots[0]", () -> REPO_ROOT.resolve("catalog-info").toString());
    registry.add("paved.catalog.file-roots[1]", FILES::toString);
    registry.add("paved.catalog.git.cache-dir", () -> WORK.resolve("git-cache").toString());
    registry.add("paved.catalog.git.timeout", () -> "5s");
    registry.add("paved.catalog.refresh-interval", () -> "1h");
    registry.add("paved.git.embedded.root", () -> WORK.resolve("git").toString());
    registry.add("paved.golden-paths.directories[0]", () -> REPO_ROOT.resolve("golden-paths/templates").toString());
  }

  @org.springframework.beans.factory.annotation.Autowired
  private org.springframework.context.ApplicationContext portal;

  @org.junit.jupiter.api.BeforeEach
  void signInAsDefaultUser() {
    TestUsers.useHolderOf(portal);
    TestUsers.signIn(TestUsers.DEFAULT);
  }

  @org.junit.jupiter.api.AfterEach
  void signOut() {
    TestUsers.signOut();
  }

  /** A name no other test uses, so tests sharing the one application context never collide. */
  public static String unique(String prefix) {
    return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  /** Writes a file under {@link #FILES} and returns its path. */
  protected static Path write(String relative, String content) {
    try {
      Path file = FILES.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
