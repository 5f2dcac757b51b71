package dev.paved.portal.testing;

import dev.paved.portal.goldenpaths.Scaffolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * For tests that need a portal of their own (a fault to inject, an extra action): everything it keeps
 * lives in one scratch folder, with golden paths read from {@code <work>/templates} and an empty catalog
 * location {@code <work>/files}.
 */
public final class IsolatedPortal {
  private IsolatedPortal() {}

  public static void properties(DynamicPropertyRegistry registry, Path work) {
    registry.add("paved.database.embedded.data-dir", () -> work.resolve("postgres").toString());
    registry.add("paved.git.embedded.root", () -> work.resolve("git").toString());
    registry.add("paved.catalog.git.cache-dir", () -> work.resolve("git-cache").toString());
    registry.add("paved.catalog.file-roots[0]", () -> work.resolve("files").toString());
    registry.add("paved.catalog.locations[0].type", () -> "file");
    registry.add("paved.catalog.locations[0].target", () -> work.resolve("files").toString());
    registry.add("paved.golden-paths.directories[0]", () -> work.resolve("templates").toString());
  }

  /** Waits until a task stops working (succeeded, failed, cancelled, undone...) and returns it. */
  public static Scaffolder.TaskView awaitFinished(Scaffolder scaffolder, UUID id) {
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
        .until(() -> scaffolder.get(id).orElseThrow(), Scaffolder.TaskView::finished);
  }
}
