package dev.paved.portal.goldenpaths.internal;

import dev.paved.goldenpaths.engine.GoldenPath;
import dev.paved.goldenpaths.engine.GoldenPathParser;
import dev.paved.goldenpaths.engine.TemplateRefusedException;
import dev.paved.goldenpaths.engine.TemplateTestKit;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.catalog.CatalogChanged;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogFiles;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.catalog.EntitySummary;
import dev.paved.portal.catalog.Page;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden paths a platform team keeps in its own repository: every {@code Template} entity in the
 * catalog is offered, with the files next to its descriptor (its skeleton) read from the same Git
 * commit or folder. They are read again whenever the catalog changes, on one background thread, so a
 * slow Git server never holds up a catalog refresh or a page.
 */
@Component
class CatalogTemplates {
  private static final Logger log = LoggerFactory.getLogger(CatalogTemplates.class);
  /** A template folder larger than this is a repository registered by mistake, not a skeleton. */
  static final int MAX_FILES = 2_000;
  static final long MAX_BYTES = 32L * 1024 * 1024;
  private static final int PAGE = 200;

  private final CatalogQueries catalog;
  private final CatalogFiles files;
  private final GoldenPathLibrary library;
  private final JsonMapper json;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "golden-paths-from-catalog");
    t.setDaemon(true);
    return t;
  });
  /** Set while a reload is queued but not started: changes arriving meanwhile need no second reload. */
  private final AtomicBoolean queued = new AtomicBoolean();

  CatalogTemplates(CatalogQueries catalog, CatalogFiles files, GoldenPathLibrary library, JsonMapper json) {
    this.catalog = catalog;
    this.files = files;
    this.library = library;
    this.json = json;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    reloadSoon();
  }

  @EventListener
  void onCatalogChanged(CatalogChanged event) {
    reloadSoon();
  }

  private void reloadSoon() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(() -> {
        queued.set(false);
        try {
          reload();
        } catch (RuntimeException e) {
          log.warn("Could not read the golden paths from the catalog: {}", e.getMessage(), e);
        }
      });
    }
  }

  /** Reads every Template entity of the catalog and offers those that load. */
  void reload() {
    List<GoldenPathLibrary.Loaded> loaded = new ArrayList<>();
    Map<String, String> problems = new TreeMap<>();
    EntityFilter templates = EntityFilter.ALL.withKinds(List.of("template"));
    for (int offset = 0; ; offset += PAGE) {
      Page<EntitySummary> page = catalog.find(templates, offset, PAGE);
      for (EntitySummary entity : page.items()) {
        try {
          load(entity).ifPresent(loaded::add);
        } catch (CatalogException | GoldenPathParser.InvalidTemplateException | TemplateRefusedException e) {
          problems.put(entity.ref(), e.getMessage());
        }
      }
      if (page.items().size() < PAGE) {
        break;
      }
    }
    library.replaceCatalogTemplates(loaded, problems);
    log.info("Offering {} golden paths from the catalog ({} not offered)", loaded.size(), problems.size());
  }

  private java.util.Optional<GoldenPathLibrary.Loaded> load(EntitySummary entity) throws TemplateRefusedException {
    EntityRef ref = EntityRef.parse(entity.ref(), "template", "default");
    java.util.Optional<EntityDetails> details = catalog.get(ref);
    if (details.isEmpty()) {
      return java.util.Optional.empty(); // removed since the list was read
    }
    // the processed entity is the template: parsing its JSON form (JSON is YAML) applies the same rules
    GoldenPath template = GoldenPathParser.parse(json.writeValueAsBytes(details.get().body()), entity.ref());
    CatalogFiles.Folder folder = files.folderOf(ref, MAX_FILES, MAX_BYTES);
    Map<String, byte[]> skeleton = new TreeMap<>(folder.files());
    skeleton.remove(folder.descriptor());
    skeleton.keySet().removeIf(path -> path.startsWith(TemplateTestKit.TESTS + "/")); // the test kit's, not rendered
    String revision = folder.revision() == null ? "" : " @ " + folder.revision().substring(0, Math.min(12, folder.revision().length()));
    return java.util.Optional.of(GoldenPathLibrary.checked(template, skeleton, folder.descriptor(),
        folder.url() + revision, entity.ref()));
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
