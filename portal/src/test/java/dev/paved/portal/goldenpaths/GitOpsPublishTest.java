package dev.paved.portal.goldenpaths;

import static dev.paved.portal.goldenpaths.ScaffolderTest.JANE;
import static dev.paved.portal.goldenpaths.ScaffolderTest.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.testing.IsolatedPortal;
import dev.paved.portal.testing.PortalTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployment part of a golden path goes to the GitOps repository, a folder per service and
 * environment, created on first use; undo removes the folder again.
 */
class GitOpsPublishTest extends PortalTest {
  @Autowired Scaffolder scaffolder;
  @Autowired CatalogLocations locations;
  @Autowired GoldenPaths goldenPaths;

  Scaffolder.TaskView awaitFinished(UUID id) {
    return IsolatedPortal.awaitFinished(scaffolder, id);
  }

  @Test
  void deploymentConfigurationIsCommittedToTheGitOpsRepositoryAndUndoRemovesIt() throws Exception {
    String template = unique("gitops-service");
    Path dir = write(template + "/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: %s}
        spec:
          type: service
          parameters: {required: [name], properties: {name: {type: string, pattern: '^[a-z][a-z0-9-]+$'}}}
          steps:
            - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
            - {id: gitops, action: publish:gitops, input: {service: '${{ parameters.name }}'}}
            - id: publish
              action: publish:git
              input: {repoUrl: 'localhost:8080?owner=team-search&repo=${{ parameters.name }}'}
            - {id: fail, action: catalog:register, input: {repoContentsUrl: '${{ steps.publish.output.cloneUrl }}', catalogInfoPath: missing.yaml}}
        """.formatted(template)).getParent();
    write(template + "/skeleton/README.md", "# ${values.name}\n");
    write(template + "/skeleton/gitops/dev/values.yaml", "replicas: 1\n");
    write(template + "/skeleton/gitops/prod/values.yaml", "replicas: 3\n");
    locations.register("file", dir.resolve("template.yaml").toString());
    await().atMost(Duration.ofSeconds(30)).until(() -> goldenPaths.get(template).isPresent());

    String name = unique("gsvc").substring(0, 12);
    Scaffolder.TaskView failed = awaitFinished(scaffolder.start(template, Map.of("name", name), JANE, null).task().id());
    assertThat(failed.state()).as("the last step fails on purpose, in a real run only").isEqualTo(State.FAILED);

    Path clones = Files.createTempDirectory("gitops-");
    git(clones, "clone", "-q", WORK.resolve("git/platform/gitops.git").toString(), "gitops");
    Path gitops = clones.resolve("gitops");
    assertThat(Files.readString(gitops.resolve(name + "/prod/values.yaml"))).isEqualTo("replicas: 3\n");
    assertThat(gitops.resolve("README.md")).exists();
    assertThat(git(gitops, "log", "-1", "--format=%an|%s")).startsWith("Jane Doe|Add " + name + " (task ");
    git(clones, "clone", "-q", WORK.resolve("git/team-search/" + name + ".git").toString(), "svc");
    assertThat(clones.resolve("svc/README.md")).exists();
    assertThat(clones.resolve("svc/gitops")).as("not a second copy in the service repository").doesNotExist();

    Scaffolder.TaskView undone = awaitFinished(scaffolder.undo(failed.id(), JANE).id());
    assertThat(undone.state()).as(undone.error()).isEqualTo(State.UNDONE);
    git(gitops, "pull", "-q");
    assertThat(gitops.resolve(name)).doesNotExist();
    assertThat(git(gitops, "log", "-1", "--format=%s")).startsWith("Remove " + name + " (undo of task");
    assertThat(WORK.resolve("git/team-search/" + name + ".git")).doesNotExist();
  }
}
