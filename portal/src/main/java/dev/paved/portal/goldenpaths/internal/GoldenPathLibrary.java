package dev.paved.portal.goldenpaths.internal;

import dev.paved.goldenpaths.engine.GoldenPath;
import dev.paved.goldenpaths.engine.GoldenPathParser;
import dev.paved.goldenpaths.engine.InMemoryWorkspace;
import dev.paved.goldenpaths.engine.SkeletonRenderer;
import dev.paved.goldenpaths.engine.StepRunner;
import dev.paved.goldenpaths.engine.TemplateFolder;
import dev.paved.goldenpaths.engine.TemplateRefusedException;
import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.portal.goldenpaths.DryRunResult;
import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.GoldenPathProperties;
import dev.paved.portal.goldenpaths.GoldenPathSummary;
import dev.paved.portal.goldenpaths.GoldenPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The golden paths in the configured folders, loaded at start-up. A template is checked when loaded:
 * one that does not parse or uses a refused construct is left out and its problem kept for display.
 */
@Service
class GoldenPathLibrary implements GoldenPaths {
  private static final Logger log = LoggerFactory.getLogger(GoldenPathLibrary.class);
  private static final int MAX_PREVIEW_TEXT = 256 * 1024;

  /** A loaded golden path and its files (without its tests). */
  record Loaded(GoldenPath template, Map<String, byte[]> files, String source) {}

  private final Map<String, Loaded> templates = new TreeMap<>();
  private final Map<String, String> problems = new TreeMap<>();
  private final StepRunner runner;

  GoldenPathLibrary(GoldenPathProperties properties, ObjectProvider<ScaffolderAction> pluginActions) {
    List<ScaffolderAction> actions = new ArrayList<>(BuiltInActions.all());
    pluginActions.orderedStream().forEach(actions::add);
    this.runner = new StepRunner(actions);
    for (Path dir : properties.directories()) {
      load(dir.toAbsolutePath().normalize());
    }
  }

  private void load(Path root) {
    if (!Files.isDirectory(root)) {
      problems.put(root.toString(), "the golden-path folder does not exist (paved.golden-paths.directories)");
      return;
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(root)) {
      dirs = list.filter(p -> Files.exists(p.resolve("template.yaml"))).sorted().toList();
    } catch (IOException e) {
      problems.put(root.toString(), "could not list: " + e.getMessage());
      return;
    }
    for (Path dir : dirs) {
      try {
        TemplateFolder folder = TemplateFolder.read(dir);
        GoldenPath template = folder.template();
        Map<String, byte[]> files = folder.files();
        Map<String, byte[]> templated = new TreeMap<>(files);
        templated.remove("template.yaml");
        new SkeletonRenderer().check(templated, SkeletonRenderer.Options.defaults());
        if (templates.putIfAbsent(template.name(), new Loaded(template, files, dir.toString())) != null) {
          problems.put(dir.toString(), "a golden path named " + template.name() + " is already loaded");
        }
      } catch (GoldenPathParser.InvalidTemplateException | TemplateRefusedException e) {
        problems.put(dir.toString(), e.getMessage());
        log.warn("Golden path in {} is not offered: {}", dir, e.getMessage());
      } catch (IOException e) {
        problems.put(dir.toString(), "could not read: " + e.getMessage());
      }
    }
    log.info("Loaded {} golden paths from {}", templates.size(), root);
  }

  @Override
  public List<GoldenPathSummary> list() {
    return templates.values().stream().map(GoldenPathLibrary::summary).toList();
  }

  @Override
  public Optional<GoldenPathSummary> get(String name) {
    return Optional.ofNullable(templates.get(name)).map(GoldenPathLibrary::summary);
  }

  @Override
  public Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  @Override
  public DryRunResult dryRun(String name, Map<String, Object> answers) {
    Loaded loaded = templates.get(name);
    if (loaded == null) {
      throw new GoldenPathException("no golden path named " + name, true, Map.of());
    }
    InMemoryWorkspace workspace = new InMemoryWorkspace();
    StepRunner.RunResult result;
    try {
      result = runner.run(loaded.template(), loaded.files(), answers, workspace, true);
    } catch (StepRunner.InvalidAnswersException e) {
      throw new GoldenPathException("the answers are not valid; see the problems per field", false, e.problems());
    }
    List<DryRunResult.File> files = new ArrayList<>();
    for (var f : workspace.files()) {
      files.add(new DryRunResult.File(f.path(), f.content().length, text(f.content())));
    }
    List<DryRunResult.Step> steps = result.steps().stream().map(s -> new DryRunResult.Step(s.id(), s.name(), s.action(),
        s.status().name().toLowerCase(java.util.Locale.ROOT), s.log(), s.millis(), s.error())).toList();
    return new DryRunResult(result.succeeded(), files, steps, result.output());
  }

  private static String text(byte[] bytes) {
    if (bytes.length > MAX_PREVIEW_TEXT) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static GoldenPathSummary summary(Loaded l) {
    GoldenPath t = l.template();
    return new GoldenPathSummary(t.name(), t.title(), t.description(), t.tags(), t.owner(), t.type(), t.version(),
        l.source(), t.parameters());
  }
}
