package dev.paved.goldenpaths.engine;

import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The template test kit a platform team runs in its CI: {@code test <template-dir>} renders the
 * template (a dry run) with each answer file in its {@code tests/} folder, requires every step to pass
 * (so {@code helm:lint} and {@code policy:check} steps are enforced), requires every YAML and JSON
 * file it produces to parse ({@link SyntaxCheck}), and compares the output with
 * the approved snapshot in {@code tests/__snapshots__/<case>/}. {@code --update-snapshots} approves
 * the current output. Exit code 0 when every case passes, 1 otherwise, 2 for a usage error.
 */
public final class TemplateTestKit {
  /** The folder of a template that holds its answer files and snapshots; never rendered. */
  public static final String TESTS = "tests";
  static final String SNAPSHOTS = "__snapshots__";
  private static final int MAX_DIFF_LINES = 40;

  private TemplateTestKit() {}

  /** The outcome of one answer file. */
  public record CaseResult(String name, boolean passed, List<String> messages) {}

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    if (args.length < 2 || !args[0].equals("test")) {
      out.println("usage: test <template-dir> [--update-snapshots]");
      return 2;
    }
    boolean update = List.of(args).contains("--update-snapshots");
    try {
      List<CaseResult> results = test(Path.of(args[1]), update);
      for (CaseResult r : results) {
        out.println((r.passed() ? "PASS " : "FAIL ") + r.name());
        r.messages().forEach(m -> out.println("  " + m.replace("\n", "\n  ")));
      }
      long failed = results.stream().filter(r -> !r.passed()).count();
      out.println((results.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** Tests every answer file of a template. */
  public static List<CaseResult> test(Path templateDir, boolean updateSnapshots) throws IOException {
    TemplateFolder folder = TemplateFolder.read(templateDir);
    GoldenPath template = folder.template();
    Map<String, byte[]> files = folder.files();
    Path tests = templateDir.resolve(TESTS);
    if (!Files.isDirectory(tests)) {
      throw new IllegalArgumentException(templateDir + " has no tests/ folder with answer files");
    }
    List<Path> cases;
    try (Stream<Path> list = Files.list(tests)) {
      cases = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    StepRunner runner = StepRunner.offline(BuiltInActions.all());
    List<CaseResult> results = new ArrayList<>();
    for (Path answersFile : cases) {
      String name = answersFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      results.add(testCase(template, files, runner, name, answers(answersFile), tests.resolve(SNAPSHOTS).resolve(name),
          updateSnapshots));
    }
    return results;
  }

  private static CaseResult testCase(GoldenPath template, Map<String, byte[]> files, StepRunner runner, String name,
      Map<String, Object> answers, Path snapshot, boolean update) throws IOException {
    List<String> messages = new ArrayList<>();
    InMemoryWorkspace workspace = new InMemoryWorkspace();
    try {
      StepRunner.RunResult result = runner.run(template, files, answers, workspace, true);
      for (StepRunner.StepResult step : result.steps()) {
        if (step.status() == StepRunner.Status.FAILED) {
          messages.add("step " + step.id() + " (" + step.action() + ") failed: " + step.error());
          step.log().stream().filter(l -> !l.startsWith("failed:")).forEach(l -> messages.add("  " + l));
        }
      }
    } catch (StepRunner.InvalidAnswersException e) {
      messages.add("the answers are not valid: " + e.problems());
      return new CaseResult(name, false, messages);
    }
    SyntaxCheck.check(workspace).forEach(problem -> messages.add("output " + problem));
    if (!messages.isEmpty()) {
      return new CaseResult(name, false, messages);
    }
    if (update) {
      writeSnapshot(snapshot, workspace);
      messages.add("snapshot updated: " + workspace.paths().size() + " files");
      return new CaseResult(name, true, messages);
    }
    if (!Files.isDirectory(snapshot)) {
      messages.add("no approved snapshot in " + snapshot + "; run with --update-snapshots to approve this output");
      return new CaseResult(name, false, messages);
    }
    Map<String, byte[]> approved = SkeletonRenderer.readDirectory(snapshot);
    TreeSet<String> all = new TreeSet<>(approved.keySet());
    all.addAll(workspace.paths());
    for (String path : all) {
      byte[] expected = approved.get(path);
      byte[] actual = workspace.read(path).orElse(null);
      if (expected == null) {
        messages.add("+ " + path + " is new (not in the snapshot)");
      } else if (actual == null) {
        messages.add("- " + path + " is no longer produced");
      } else if (!java.util.Arrays.equals(expected, actual)) {
        messages.add("~ " + path + " differs:\n" + LineDiff.diff(new String(expected, StandardCharsets.UTF_8),
            new String(actual, StandardCharsets.UTF_8), MAX_DIFF_LINES));
      }
    }
    return new CaseResult(name, messages.isEmpty(), messages);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> answers(Path file) throws IOException {
    Object doc = new Load(LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(20).build())
        .loadFromString(Files.readString(file));
    if (doc != null && !(doc instanceof Map)) {
      throw new IllegalArgumentException(file + " must be a mapping of answers");
    }
    return doc == null ? Map.of() : (Map<String, Object>) doc;
  }

  private static void writeSnapshot(Path dir, InMemoryWorkspace workspace) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (String path : workspace.paths()) {
      Path target = dir.resolve(path);
      Files.createDirectories(target.getParent());
      Files.write(target, workspace.read(path).orElseThrow());
    }
  }
}
