package dev.paved.goldenpaths.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paved.goldenpaths.engine.StepRunner.Status;
import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.Actor;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
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
      String repo = (String) context.input().get("repo");
      published.add(repo);
      context.recordUndo(Map.of("repo", repo));
      context.log("published " + repo + " as " + context.actor().name());
      context.output("remoteUrl", "https://git.example.com/" + repo);
    }

    @Override
    public void undo(Map<String, Object> record, ActionContext context) throws ActionException {
      if (record.get("repo").toString().endsWith("stubborn")) {
        throw new ActionException("the server refused to delete " + record.get("repo"));
      }
      published.remove(record.get("repo").toString());
      context.log("deleted " + record.get("repo"));
    }
  }

  /** Keeps what a run reports, as a task would store it. */
  static final class Recorder implements StepRunner.Listener {
    final List<String> events = new ArrayList<>();
    final List<StepRunner.UndoRecord> undo = new ArrayList<>();

    @Override
    public void stepStarted(String stepId, String name) {
      events.add("start " + stepId);
    }

    @Override
    public void logged(String stepId, String line) {
      events.add(stepId + ": " + line);
    }

    @Override
    public void undoRecorded(String stepId, Map<String, Object> record) {
      undo.add(new StepRunner.UndoRecord(stepId, "publish:test", record));
    }

    @Override
    public void stepFinished(StepRunner.StepResult result) {
      events.add("end " + result.id() + " " + result.status());
    }
  }

  static StepRunner.Options options(Recorder recorder, Map<String, Map<String, Object>> done, BooleanSupplier cancelled) {
    return new StepRunner.Options(false, new Actor("user:default/jane", "Jane Doe", "jane@acme.example"), "task-1", done,
        recorder, cancelled);
  }

  static final GoldenPath TWO_REPOS = GoldenPathParser.parse("""
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata: {name: two}
      spec:
        type: service
        parameters: {properties: {second: {type: string}}}
        steps:
          - {id: fetch, action: fetch:template, input: {url: ./skeleton, values: {name: x, version: '1'}}}
          - {id: service, action: publish:test, input: {repo: acme/service}}
          - {id: gitops, action: publish:test, input: {repo: '${{ parameters.second }}'}}
      """.getBytes(StandardCharsets.UTF_8), "template.yaml");

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
  void aRunReportsItsStepsLogsAndUndoRecordsAsTheyHappen() {
    PublishAction publish = new PublishAction();
    Recorder recorder = new Recorder();
    StepRunner.RunResult result = runner(publish).run(TWO_REPOS, files(), Map.of("second", "acme/gitops"),
        new InMemoryWorkspace(), options(recorder, Map.of(), () -> false));
    assertThat(result.succeeded()).isTrue();
    assertThat(recorder.events).containsSubsequence("start service", "service: published acme/service as Jane Doe",
        "end service DONE", "start gitops", "end gitops DONE");
    assertThat(recorder.undo).extracting(StepRunner.UndoRecord::stepId).containsExactly("service", "gitops");
  }

  @Test
  void aRetryRebuildsTheWorkspaceButDoesNotRepeatWhatAlreadyChangedTheWorld() {
    PublishAction publish = new PublishAction();
    InMemoryWorkspace ws = new InMemoryWorkspace();
    StepRunner.RunResult result = runner(publish).run(TWO_REPOS, files(), Map.of("second", "acme/gitops"), ws,
        options(new Recorder(), Map.of("service", Map.of("remoteUrl", "https://git.example.com/acme/service")), () -> false));
    assertThat(result.succeeded()).isTrue();
    assertThat(publish.published).as("only the step that had not run").containsExactly("acme/gitops");
    assertThat(result.steps().get(1).log()).containsExactly("done in an earlier try; not run again");
    assertThat(result.steps().get(1).output()).containsEntry("remoteUrl", "https://git.example.com/acme/service");
    assertThat(ws.paths()).contains("README.md");
  }

  @Test
  void aCancelledRunStopsBeforeTheNextStep() {
    PublishAction publish = new PublishAction();
    Recorder recorder = new Recorder();
    StepRunner.RunResult result = runner(publish).run(TWO_REPOS, files(), Map.of("second", "acme/gitops"),
        new InMemoryWorkspace(), options(recorder, Map.of(), () -> !publish.published.isEmpty()));
    assertThat(result.succeeded()).isFalse();
    assertThat(result.steps()).extracting(StepRunner.StepResult::status)
        .as("the step that returned is done; the next one does not start")
        .containsExactly(Status.DONE, Status.DONE, Status.CANCELLED);
    assertThat(publish.published).containsExactly("acme/service");
  }

  @Test
  void undoGoesBackwardsAndTriesEveryStepEvenAfterOneFails() {
    PublishAction publish = new PublishAction();
    publish.published.addAll(List.of("acme/service", "acme/stubborn"));
    Recorder recorder = new Recorder();
    List<StepRunner.UndoResult> undone = runner(publish).undo(List.of(
        new StepRunner.UndoRecord("service", "publish:test", Map.of("repo", "acme/service")),
        new StepRunner.UndoRecord("gitops", "publish:test", Map.of("repo", "acme/stubborn")),
        new StepRunner.UndoRecord("old", "publish:gone", Map.of("repo", "x"))), options(recorder, Map.of(), () -> false));
    assertThat(undone).extracting(StepRunner.UndoResult::stepId, StepRunner.UndoResult::undone).containsExactly(
        org.assertj.core.groups.Tuple.tuple("old", false),
        org.assertj.core.groups.Tuple.tuple("gitops", false),
        org.assertj.core.groups.Tuple.tuple("service", true));
    assertThat(undone.get(0).error()).contains("no longer installed");
    assertThat(undone.get(1).error()).isEqualTo("the server refused to delete acme/stubborn");
    assertThat(publish.published).containsExactly("acme/stubborn");
    assertThat(recorder.events).contains("service: deleted acme/service", "gitops: undo failed: the server refused to delete acme/stubborn");
  }

  @Test
  void twoActionsWithOneIdAreRefused() {
    assertThatThrownBy(() -> new StepRunner(List.of(new PublishAction(), new PublishAction())))
        .hasMessageContaining("two actions claim id 'publish:test'");
  }
}
