package dev.paved.portal.goldenpaths.internal;

import dev.paved.goldenpaths.engine.GoldenPath;
import dev.paved.goldenpaths.engine.GoldenPathParser;
import dev.paved.goldenpaths.engine.InMemoryWorkspace;
import dev.paved.goldenpaths.engine.SkeletonRenderer;
import dev.paved.goldenpaths.engine.StepRunner;
import dev.paved.goldenpaths.engine.TemplateFolder;
import dev.paved.goldenpaths.engine.TemplateRefusedException;
import dev.paved.goldenpaths.engine.actions.BuiltInActions;
import dev.paved.goldenpaths.engine.actions.GitResolveAction;
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
 * The golden paths on offer: those in the configured folders, loaded at start-up, and those the catalog
 * holds as {@code Template} entities, replaced by {@link CatalogTemplates} whenever the catalog changes.
 * A template is checked when loaded: one that does not parse or uses a refused construct is left out and
 * its problem kept for display. A name already taken by a folder's golden path is not offered twice.
 */
@Service
class GoldenPathLibrary implements GoldenPaths {
  private static final Logger log = LoggerFactory.getLogger(GoldenPathLibrary.class);
  private static final int MAX_PREVIEW_TEXT = 256 * 1024;

  /**
   * A loaded golden path and its files (without its tests).
   *
   * @param entityRef the catalog entity it came from, or {@code null} for a folder's
   */
  record Loaded(GoldenPath template, Map<String, byte[]> files, String source, String entityRef) {}

  /** Everything offered at one moment; replaced as a whole so readers never see half an update. */
  private record Offer(Map<String, Loaded> templates, Map<String, String> problems) {}

  private final Map<String, Loaded> folderTemplates = new TreeMap<>();
  private final Map<String, String> folderProblems = new TreeMap<>();
  private volatile Offer offer;
  private final StepRunner runner;

  GoldenPathLibrary(GoldenPathProperties properties, ObjectProvider<ScaffolderAction> pluginActions,
      dev.paved.portal.git.GitHosts gitHosts, dev.paved.portal.git.GitOps gitops) {
    // git:resolve answers with the real addresses of the portal's Git hosts (the embedded server's /git/ path)
    List<ScaffolderAction> actions = new ArrayList<>(BuiltInActions.all(new GitResolveAction.Resolver() {
      @Override
      public Optional<GitResolveAction.Urls> urls(String host, String owner, String repo) {
        return gitHosts.forHostName(host).flatMap(h -> {
          try {
            var r = h.locate(owner, repo);
            return Optional.of(new GitResolveAction.Urls(r.cloneUrl(), r.webUrl()));
          } catch (dev.paved.plugin.git.GitHostException e) {
            return Optional.empty();
          }
        });
      }

      @Override
      public Optional<String> gitopsCloneUrl() {
        return Optional.of(gitops.cloneUrl());
      }
    }));
    pluginActions.orderedStream().forEach(actions::add);
    this.runner = new StepRunner(actions);
    for (Path dir : properties.directories()) {
      load(dir.toAbsolutePath().normalize());
    }
    this.offer = new Offer(Map.copyOf(folderTemplates), Map.copyOf(folderProblems));
  }

  private void load(Path root) {
    if (!Files.isDirectory(root)) {
      folderProblems.put(root.toString(), "the golden-path folder does not exist (paved.golden-paths.directories)");
      return;
    }
    List<Path> dirs;
    try (Stream<Path> list = Files.list(root)) {
      dirs = list.filter(p -> Files.exists(p.resolve("template.yaml"))).sorted().toList();
    } catch (IOException e) {
      folderProblems.put(root.toString(), "could not list: " + e.getMessage());
      return;
    }
    for (Path dir : dirs) {
      try {
        TemplateFolder folder = TemplateFolder.read(dir);
        Loaded loaded = checked(folder.template(), folder.files(), "template.yaml", dir.toString(), null);
        if (folderTemplates.putIfAbsent(loaded.template().name(), loaded) != null) {
          folderProblems.put(dir.toString(), "a golden path named " + loaded.template().name() + " is already loaded");
        }
      } catch (GoldenPathParser.InvalidTemplateException | TemplateRefusedException e) {
        folderProblems.put(dir.toString(), e.getMessage());
        log.warn("Golden path in {} is not offered: {}", dir, e.getMessage());
      } catch (IOException e) {
        folderProblems.put(dir.toString(), "could not read: " + e.getMessage());
      }
    }
    log.info("Loaded {} golden paths from {}", folderTemplates.size(), root);
  }

  /**
   * Checks a template's files as the renderer will see them, so a dangerous construct refuses the
   * template when it is loaded rather than when someone fills in its form.
   *
   * @param descriptor the template's own file, which is not rendered
   */
  static Loaded checked(GoldenPath template, Map<String, byte[]> files, String descriptor, String source,
      String entityRef) throws TemplateRefusedException {
    Map<String, byte[]> templated = new TreeMap<>(files);
    templated.remove(descriptor);
    new SkeletonRenderer().check(templated, SkeletonRenderer.Options.defaults());
    return new Loaded(template, Map.copyOf(files), source, entityRef);
  }

  /**
   * Replaces the golden paths that come from the catalog. Folder golden paths keep their names: a
   * catalog template with the same name is reported, not offered.
   *
   * @param problems why other catalog templates are not offered, by entity reference
   */
  void replaceCatalogTemplates(List<Loaded> fromCatalog, Map<String, String> problems) {
    Map<String, Loaded> templates = new TreeMap<>(folderTemplates);
    Map<String, String> allProblems = new TreeMap<>(folderProblems);
    allProblems.putAll(problems);
    for (Loaded loaded : fromCatalog) {
      Loaded taken = templates.putIfAbsent(loaded.template().name(), loaded);
      if (taken != null) {
        allProblems.put(loaded.entityRef(), "a golden path named " + loaded.template().name()
            + " is already offered from " + taken.source() + "; rename one of them");
      }
    }
    offer = new Offer(Map.copyOf(templates), Map.copyOf(allProblems));
  }

  @Override
  public List<GoldenPathSummary> list() {
    return offer.templates().values().stream().map(GoldenPathLibrary::summary)
        .sorted(java.util.Comparator.comparing(GoldenPathSummary::name)).toList();
  }

  @Override
  public Optional<GoldenPathSummary> get(String name) {
    return Optional.ofNullable(offer.templates().get(name)).map(GoldenPathLibrary::summary);
  }

  /** A golden path with its files, for the scaffolder. */
  Optional<Loaded> loaded(String name) {
    return Optional.ofNullable(offer.templates().get(name));
  }

  /** The runner with every installed action. */
  StepRunner runner() {
    return runner;
  }

  @Override
  public Map<String, String> problems() {
    return new TreeMap<>(offer.problems());
  }

  @Override
  public Map<String, List<String>> validate(String name, Map<String, Object> answers) {
    Loaded loaded = offer.templates().get(name);
    if (loaded == null) {
      throw new GoldenPathException("no golden path named " + name, true, Map.of());
    }
    return new dev.paved.goldenpaths.engine.AnswerValidator(loaded.template()).validate(answers);
  }

  @Override
  public DryRunResult dryRun(String name, Map<String, Object> answers) {
    Loaded loaded = offer.templates().get(name);
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
        l.source(), l.entityRef(), t.parameters());
  }
}
