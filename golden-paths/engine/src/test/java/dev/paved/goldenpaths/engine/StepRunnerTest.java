package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.goldenpaths.engine.StepRunner.Status;
import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StepRunnerTest {
  /** Stands for an action that changes the world, such as publish:git. */
  static final class PublishAction implements ScaffolderAction {
    final List<String> published = new ArrayList<>();

    @Override
    public String id() {
      return "publish:test";
    }

    @Override
    public String description() {
      return "records what it would publish";
    }

    @Override
    public Map<String, Object> inputSchema() {
      return Map.of("type", "object", "required", List.of("repo"), "properties", Map.of("repo", Map.of("type", "string")));
    }

    @Override
    public void run(ActionContext context) {
      published.add((String) context.input().get("repo"));
      context.output("remoteUrl", "https://git.example.com/" + context.input().get("repo"));
    }
  }

  static final GoldenPath TEMPLATE = GoldenPathParser.parse("""
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata: {name: svc, annotations: {paved.dev/version: 2.0.0}}
      spec:
        type: service
        parameters:
          required: [name]
          properties:
            name: {type: string, pattern: '^[a-z][a-z0-9-]*$'}
            withDocs: {type: boolean, default: false}
        steps:
          - id: fetch
            name: Render the skeleton
            action: fetch:template
            input:
              url: ./skeleton
              values: {name: '${{ parameters.name }}', version: '${{ template.version }}'}
          - id: docs
            action: fs:delete
            if: '${{ parameters.withDocs | default(false) }}'
            input: {files: [docs]}
          - id: tidy
            action: fs:rename
            input: {files: [{from: 'NOTES.txt', to: 'docs/NOTES.md'}]}
          - id: publish
            action: publish:test
            input: {repo: 'acme/${{ parameters.name }}'}
        output:
          links:
            - {title: Repository, url: '${{ steps.publish.output.remoteUrl }}'}
      """.getBytes(StandardCharsets.UTF_8), "template.yaml");

  static Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    files.put("skeleton/README.md", "# ${values.name} (golden path ${values.version})".getBytes(StandardCharsets.UTF_8));
    files.put("skeleton/NOTES.txt", "notes".getBytes(StandardCharsets.UTF_8));
    files.put("skeleton/docs/index.md", "docs of ${values.name}".getBytes(StandardCharsets.UTF_8));
    files.put("template.yaml", "not part of the skeleton".getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private StepRunner runner(PublishAction publish) {
    List<ScaffolderAction> actions = new ArrayList<>(BuiltInActions.all());
    actions.add(publish);
    return new StepRunner(actions);
  }

  @Test
  void aDryRunRendersIntoTheWorkspaceAndSkipsWhatWouldChangeTheWorld() {
    PublishAction publish = new PublishAction();
    InMemoryWorkspace ws = new InMemoryWorkspace();
    StepRunner.RunResult result = runner(publish).run(TEMPLATE, files(), Map.of("name", "payments"), ws, true);

    assertThat(result.steps()).extracting(StepRunner.StepResult::id, StepRunner.StepResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("fetch", Status.DONE),
        org.assertj.core.groups.Tuple.tuple("docs", Status.SKIPPED),
        org.assertj.core.groups.Tuple.tuple("tidy", Status.DONE),
        org.assertj.core.groups.Tuple.tuple("publish", Status.SKIPPED));
    assertThat(ws.paths()).containsExactly("README.md", "docs/NOTES.md", "docs/index.md");
    assertThat(new String(ws.read("README.md").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("# payments (golden path 2.0.0)");
    assertThat(publish.published).isEmpty();
    assertThat(result.steps().get(3).log()).singleElement().asString().contains("skipped in a dry run");
  }

  @Test
  void aRealRunRunsEveryStepAndResolvesTheOutput() {
    PublishAction publish = new PublishAction();
    StepRunner.RunResult result = runner(publish).run(TEMPLATE, files(), Map.of("name", "payments", "withDocs", true),
        new InMemoryWorkspace(), false);
    assertThat(result.succeeded()).isTrue();
    assertThat(publish.published).containsExactly("acme/payments");
    assertThat(result.output().toString()).contains("https://git.example.com/acme/payments");
    assertThat(result.steps().get(1).status()).isEqualTo(Status.DONE);
  }

  @Test
  void invalidAnswersStopEverythingBeforeAnyStep() {
    PublishAction publish = new PublishAction();
    assertThatThrownBy(() -> runner(publish).run(TEMPLATE, files(), Map.of("name", "../../etc"), new InMemoryWorkspace(), false))
        .isInstanceOfSatisfying(StepRunner.InvalidAnswersException.class,
            e -> assertThat(e.problems()).containsKey("name"));
    assertThat(publish.published).isEmpty();
  }

  @Test
  void aFailingStepStopsTheRunAndSaysWhy() {
    GoldenPath broken = GoldenPathParser.parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: broken}
        spec:
          type: service
          steps:
            - {id: one, action: fetch:template, input: {url: ../../outside}}
            - {id: two, action: fs:delete, input: {files: [x]}}
        """.getBytes(StandardCharsets.UTF_8), "template.yaml");
    StepRunner.RunResult result = runner(new PublishAction()).run(broken, files(), Map.of(), new InMemoryWorkspace(), true);
    assertThat(result.steps()).hasSize(1);
    assertThat(result.steps().get(0).error()).contains("must be a folder inside the template");
  }

  @Test
  void unknownActionsAndInvalidInputsAreNamed() {
    GoldenPath t = GoldenPathParser.parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: t}
        spec:
          type: service
          steps:
            - {id: a, action: fetch:template, input: {values: {}}}
        """.getBytes(StandardCharsets.UTF_8), "t.yaml");
    assertThat(runner(new PublishAction()).run(t, files(), Map.of(), new InMemoryWorkspace(), true).steps().get(0).error())
        .contains("input of fetch:template is not valid").contains("url is required");
    GoldenPath u = GoldenPathParser.parse("""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata: {name: u}
        spec:
          type: service
          steps:
            - {id: a, action: 'kube:apply'}
        """.getBytes(StandardCharsets.UTF_8), "u.yaml");
    assertThat(runner(new PublishAction()).run(u, files(), Map.of(), new InMemoryWorkspace(), true).steps().get(0).error())
        .contains("unknown action 'kube:apply'");
  }

  @Test
  void twoActionsWithOneIdAreRefused() {
    assertThatThrownBy(() -> new StepRunner(List.of(new PublishAction(), new PublishAction())))
        .hasMessageContaining("two actions claim id 'publish:test'");
  }
}
