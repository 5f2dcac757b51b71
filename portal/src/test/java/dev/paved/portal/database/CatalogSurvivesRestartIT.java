package dev.paved.portal.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.PavedApplication;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL keeps its data in a folder: a catalog registered before a restart is there
 * after it, without reading its sources again.
 */
class CatalogSurvivesRestartIT {

  private static ConfigurableApplicationContext start(Path work) {
    return new SpringApplicationBuilder(PavedApplication.class).run(
        "--server.port=0",
        "--paved.database.embedded.data-dir=" + work.resolve("postgres"),
        "--paved.catalog.file-roots[0]=" + work.resolve("files"),
        "--paved.catalog.locations[0].type=file",
        "--paved.catalog.locations[0].target=" + work.resolve("files/config.yaml"),
        "--paved.catalog.git.cache-dir=" + work.resolve("git-cache"));
  }

  @Test
  void registeredLocationsAndTheirEntitiesAreKeptAcrossARestart() throws Exception {
    Path work = Files.createTempDirectory("paved-restart-");
    Files.createDirectories(work.resolve("files"));
    Files.writeString(work.resolve("files/config.yaml"), """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team-restart}
        spec: {type: team, children: []}
        """);
    Path registered = work.resolve("files/registered.yaml");
    Files.writeString(registered, """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: survives-restart}
        spec: {type: service, lifecycle: production, owner: team-restart}
        """);

    try (ConfigurableApplicationContext first = start(work)) {
      dev.paved.portal.testing.TestUsers.useHolderOf(first);
      dev.paved.portal.testing.TestUsers.signIn(dev.paved.portal.testing.TestUsers.PAT);
      first.getBean(CatalogLocations.class).register("file", registered.toString());
    } finally {
      dev.paved.portal.testing.TestUsers.signOut();
    }
    // the source disappears while the portal is down: the catalog still has what it read
    Files.delete(registered);
    try (ConfigurableApplicationContext second = start(work)) {
      CatalogQueries queries = second.getBean(CatalogQueries.class);
      assertThat(queries.get(EntityRef.parse("component:default/survives-restart"))).isPresent();
      assertThat(queries.get(EntityRef.parse("group:default/team-restart"))).isPresent();
      assertThat(second.getBean(CatalogLocations.class).list()).hasSize(2);
    }
  }
}
