package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.catalog.EntitySource;
import dev.paved.plugin.catalog.LocationException;
import dev.paved.plugin.catalog.LocationReader;
import dev.paved.plugin.catalog.SourceFile;
import dev.paved.plugin.catalog.SourceSnapshot;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogProperties;
import dev.paved.portal.catalog.LocationProblem;
import dev.paved.portal.catalog.internal.LocationStore.Fingerprint;
import dev.paved.portal.catalog.internal.LocationStore.StoredLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refreshes one location: reads its files, follows Location entities, runs every entity through the
 * processors and writes what changed, in batches, so a 100,000-entity file streams through in bounded
 * memory.
 *
 * <p>The rules that keep a catalog trustworthy when its sources are not: a source that cannot be read
 * changes nothing; an invalid entity keeps its last good version and shows the problem; entities of a
 * file that could not be read completely are never removed; an entity that another location already
 * defines stays with that location and this one gets a conflict; an unchanged source (same commit, same
 * files) is not processed at all, and an unchanged entity is not written.
 */
@Component
class LocationProcessor {
  private static final Logger log = LoggerFactory.getLogger(LocationProcessor.class);
  private static final int BATCH = 500;
  /** Changes of this size make the table statistics stale enough to mislead the query planner. */
  private static final int BULK_CHANGE = 1000;
  static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";
  static final String MANAGED_BY_ORIGIN = "backstage.io/managed-by-origin-location";

  private final LocationStore locations;
  private final EntityStore entities;
  private final Map<String, LocationReader> readers;
  private final EntityAssembler assembler;
  private final String processorChain;
  private final JsonMapper json;
  private final TransactionTemplate tx;
  private final int maxNesting;
  private final ConcurrentHashMap<UUID, ReentrantLock> running = new ConcurrentHashMap<>();

  LocationProcessor(LocationStore locations, EntityStore entities, CatalogConfiguration.CatalogExtensions extensions,
      JsonMapper json, TransactionTemplate tx, CatalogProperties properties) {
    List<LocationReader> readers = extensions.readers();
    List<CatalogProcessor> processors = extensions.processors();
    this.locations = locations;
    this.entities = entities;
    this.readers = readers.stream().collect(Collectors.toMap(LocationReader::type, r -> r));
    this.assembler = new EntityAssembler(processors, json);
    this.processorChain = processors.stream().map(CatalogProcessor::id).sorted().collect(Collectors.joining(","));
    this.json = json;
    this.tx = tx;
    this.maxNesting = properties.maxNesting();
  }

  /** What a refresh did. */
  record RefreshResult(Outcome outcome, int entityCount, int written, int removed, int problems, String message) {}

  enum Outcome { UNCHANGED, PROCESSED, FAILED }

  LocationReader reader(String type) throws LocationException {
    LocationReader reader = readers.get(type);
    if (reader == null) {
      throw new LocationException("unknown location type '" + type + "'; known types: " + readers.keySet());
    }
    return reader;
  }

  /** Opens a location's source without storing anything, for a preview before registering it. */
  SourceSnapshot open(String type, String target) throws LocationException {
    return reader(type).open(target);
  }

  /**
   * Reads a location as a refresh would, without writing anything, and says what each entity would
   * become.
   */
  CatalogLocations.Preview preview(String type, String target) throws LocationException {
    reader(type).checkTarget(target);
    StoredLocation probe = locations.find(type, target)
        .orElse(new StoredLocation(new UUID(0, 0), type, target, "user", "pending", null));
    try (SourceSnapshot snapshot = reader(type).preview(target)) {
      Run run = new Run(probe, snapshot, true);
      run.readAll();
      return new CatalogLocations.Preview(List.copyOf(run.previewItems), List.copyOf(run.problems));
    }
  }

  RefreshResult refresh(StoredLocation location) {
    ReentrantLock lock = running.computeIfAbsent(location.id(), id -> new ReentrantLock());
    lock.lock();
    try {
      return doRefresh(location);
    } finally {
      lock.unlock();
    }
  }

  private RefreshResult doRefresh(StoredLocation location) {
    long start = System.nanoTime();
    try (SourceSnapshot snapshot = open(location.type(), location.target())) {
      if (unchanged(location, snapshot)) {
        locations.touch(location.id());
        return new RefreshResult(Outcome.UNCHANGED, entities.countByLocation(location.id()), 0, 0, 0, "unchanged");
      }
      Run run = new Run(location, snapshot, false);
      run.readAll();
      RefreshResult result = run.finish();
      log.info("Refreshed {} location {}: {} entities, {} written, {} removed, {} problems in {} ms",
          location.type(), location.target(), result.entityCount(), result.written(), result.removed(),
          result.problems(), (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (LocationException e) {
      log.warn("Could not read {} location {}: {}", location.type(), location.target(), e.getMessage());
      locations.recordFailure(location.id(), e.getMessage());
      return new RefreshResult(Outcome.FAILED, entities.countByLocation(location.id()), 0, 0, 1, e.getMessage());
    } catch (RuntimeException e) {
      // a defect or the database going away: the entities written so far are valid, nothing is removed
      log.error("Refreshing {} location {} failed", location.type(), location.target(), e);
      String message = "the refresh failed unexpectedly (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); the entities read before stay. Refresh again, and report it if it keeps failing.";
      locations.recordFailure(location.id(), message);
      return new RefreshResult(Outcome.FAILED, entities.countByLocation(location.id()), 0, 0, 1, message);
    }
  }

  /** The same commit, or the same bytes in every file read last time: nothing to do. */
  private boolean unchanged(StoredLocation location, SourceSnapshot snapshot) {
    Fingerprint last = location.fingerprint();
    if (last == null || !"ok".equals(location.status()) || last.files() == null || last.files().isEmpty()
        || !processorChain.equals(last.processors())) {
      return false; // never read, had problems, or processed by another set of processors (a plugin came or went)
    }
    if (snapshot.revision() != null) {
      return snapshot.revision().equals(last.revision());
    }
    if (!last.files().keySet().containsAll(snapshot.entryPaths())) {
      return false;
    }
    for (Map.Entry<String, String> file : last.files().entrySet()) {
      try {
        if (!snapshot.read(file.getKey()).fingerprint().equals(file.getValue())) {
          return false;
        }
      } catch (LocationException e) {
        return false;
      }
    }
    return true;
  }

  /** One pass over a location's files. */
  private final class Run {
    private final StoredLocation location;
    private final SourceSnapshot snapshot;
    private final Map<String, String> filesRead = new LinkedHashMap<>();
    private final List<String> substitutedFiles = new ArrayList<>();
    private final Set<String> incompleteFiles = new HashSet<>();
    private final Map<String, String> emitted = new HashMap<>();
    private final List<LocationProblem> problems = new ArrayList<>();
    private final List<Pending> batch = new ArrayList<>(BATCH);
    private final Map<UUID, String> otherLocations = new HashMap<>();
    private final Substitutions substitutions;
    private final boolean dryRun;
    private final List<CatalogLocations.PreviewEntity> previewItems = new ArrayList<>();
    private int written;

    Run(StoredLocation location, SourceSnapshot snapshot, boolean dryRun) {
      this.location = location;
      this.snapshot = snapshot;
      this.dryRun = dryRun;
      this.substitutions = new Substitutions(snapshot, json, substitutedFiles);
    }

    /** An entity read and waiting for its batch. */
    private record Pending(Entity entity, EntityRef ref, String path, int document, int line, String hash,
        List<String> problems) {}

    /** A file to read and the chain of Location files that led to it, to detect cycles. */
    private record Item(String path, List<String> chain) {}

    void readAll() {
      Deque<Item> queue = new ArrayDeque<>();
      Set<String> queued = new HashSet<>();
      for (String entry : snapshot.entryPaths()) {
        if (queued.add(entry)) {
          queue.add(new Item(entry, List.of(entry)));
        }
      }
      while (!queue.isEmpty()) {
        Item item = queue.poll();
        for (Item next : readFile(item)) {
          if (next.chain().subList(0, next.chain().size() - 1).contains(next.path())) {
            problems.add(new LocationProblem(item.path(), 0, 0, null,
                "Location cycle: " + String.join(" -> ", next.chain()) + "; the repeated target is skipped"));
          } else if (next.chain().size() > maxNesting + 1) {
            problems.add(new LocationProblem(item.path(), 0, 0, null,
                "Locations nest deeper than " + maxNesting + " levels; " + next.path() + " is not read"));
          } else if (queued.add(next.path())) {
            queue.add(next);
          }
        }
      }
      flush();
    }

    private List<Item> readFile(Item item) {
      String path = item.path();
      SourceFile file;
      try {
        file = snapshot.read(path);
      } catch (LocationException e) {
        problems.add(new LocationProblem(path, 0, 0, null, e.getMessage()));
        incompleteFiles.add(path);
        return List.of();
      }
      filesRead.put(path, file.fingerprint());
      List<Item> targets = new ArrayList<>();
      for (DescriptorParser.ParsedDocument doc : DescriptorParser.parse(file.content(), path)) {
        if (!doc.ok()) {
          problems.add(new LocationProblem(path, doc.index(), doc.line(), null, doc.error()));
          incompleteFiles.add(path);
          continue;
        }
        readDocument(item, doc, targets);
      }
      return targets;
    }

    private void readDocument(Item item, DescriptorParser.ParsedDocument doc, List<Item> targets) {
      try {
        readEntity(item, doc, targets);
      } catch (JacksonException e) {
        incompleteFiles.add(item.path());
        problems.add(new LocationProblem(item.path(), doc.index(), doc.line(), null,
            "the document cannot be stored as JSON: " + e.getOriginalMessage()));
      } catch (RuntimeException e) {
        incompleteFiles.add(item.path());
        log.warn("Could not process document {} of {}", doc.index(), item.path(), e);
        problems.add(new LocationProblem(item.path(), doc.index(), doc.line(), null,
            "the document could not be processed: " + e.getMessage()));
      }
    }

    private void readEntity(Item item, DescriptorParser.ParsedDocument doc, List<Item> targets) {
      String path = item.path();
      List<String> docProblems = new ArrayList<>();
      Map<String, Object> tree = doc.tree();
      if (Substitutions.hasPlaceholders(tree)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) substitutions.resolveEntity(tree, path, docProblems);
        tree = resolved;
      }
      if (Text.containsNul(tree)) {
        docProblems.add("the document contains a NUL character (\\u0000), which cannot be stored; remove it");
      }
      annotate(tree, path);
      Entity entity = Entity.of(tree);
      EntityRef ref = identify(entity);
      if (ref == null) {
        incompleteFiles.add(path);
        var unidentified = assembler.assemble(entity, source(path), UUID.randomUUID(), location.id(), "");
        List<String> all = new ArrayList<>(docProblems);
        all.addAll(unidentified.problems());
        if (all.isEmpty()) {
          all.add("the document has no valid kind and metadata.name");
        }
        for (String message : all) {
          problems.add(new LocationProblem(path, doc.index(), doc.line(), null, message));
        }
        return;
      }
      String previous = emitted.putIfAbsent(ref.toString(), path);
      if (previous != null) {
        problems.add(new LocationProblem(path, doc.index(), doc.line(), ref.toString(),
            "defined twice in this location (first in " + previous + "); the first definition is kept"));
        return;
      }
      if ("location".equals(ref.kind())) {
        for (String target : entity.specStrings("targets").isEmpty() ? entity.specStrings("target") : entity.specStrings("targets")) {
          try {
            String resolved = SourcePaths.resolve(path, target);
            List<String> chain = new ArrayList<>(item.chain());
            chain.add(resolved);
            targets.add(new Item(resolved, chain));
          } catch (LocationException e) {
            docProblems.add(e.getMessage());
          }
        }
      }
      String hash = FileLocationReader.sha256(
          (processorChain + "\n" + path + "\n" + json.writeValueAsString(entity.tree())).getBytes(StandardCharsets.UTF_8));
      batch.add(new Pending(entity, ref, path, doc.index(), doc.line(), hash, docProblems));
      if (batch.size() >= BATCH) {
        flush();
      }
    }

    /** The reference of a document with a usable kind and name, else {@code null}. */
    private static EntityRef identify(Entity entity) {
      try {
        EntityRef ref = entity.ref();
        if (ref == null || ref.name().isBlank() || ref.kind().isBlank()) {
          return null;
        }
        EntityRef.parse(ref.toString());
        return ref;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    @SuppressWarnings("unchecked")
    private void annotate(Map<String, Object> tree, String path) {
      if (!(tree.get("metadata") instanceof Map<?, ?> metadata)) {
        return;
      }
      Map<String, Object> meta = (Map<String, Object>) metadata;
      Object existing = meta.get("annotations");
      if (existing != null && !(existing instanceof Map)) {
        return; // validation reports it
      }
      Map<String, Object> annotations = existing == null ? new LinkedHashMap<>() : (Map<String, Object>) existing;
      annotations.put(MANAGED_BY_LOCATION, location.type() + ":" + snapshot.displayUrl(path));
      annotations.put(MANAGED_BY_ORIGIN, location.type() + ":" + location.target());
      meta.put("annotations", annotations);
    }

    private EntitySource source(String path) {
      return new EntitySource(location.type(), location.target(), path, snapshot.displayUrl(path));
    }

    private void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Pending> pending = List.copyOf(batch);
      batch.clear();
      if (dryRun) {
        decide(pending).apply();
        return;
      }
      write(pending);
    }

    /**
     * Decides and writes a batch in one transaction under the catalog write lock. When the database
     * refuses the batch, each entity is tried alone, so one unstorable entity costs only itself.
     */
    private void write(List<Pending> pending) {
      try {
        Decisions decisions = tx.execute(status -> {
          entities.lockForWriting();
          Decisions d = decide(pending);
          entities.upsert(d.rows);
          d.keptWithErrors.forEach((id, messages) -> entities.setErrors(id, json.writeValueAsString(messages)));
          return d;
        });
        decisions.apply();
      } catch (DataAccessException e) {
        if (pending.size() > 1) {
          for (Pending p : pending) {
            write(List.of(p));
          }
          return;
        }
        Pending p = pending.get(0);
        log.warn("Could not store {} from {}", p.ref(), p.path(), e);
        problems.add(new LocationProblem(p.path(), p.document(), p.line(), p.ref().toString(),
            "could not be stored: " + rootMessage(e)));
        if (!(e instanceof TransientDataAccessException)) {
          return;
        }
        throw e;
      }
    }

    /** What a batch comes to, applied to the run only once it is stored. */
    private final class Decisions {
      final List<EntityRow> rows = new ArrayList<>();
      final Map<UUID, List<String>> keptWithErrors = new LinkedHashMap<>();
      final List<LocationProblem> found = new ArrayList<>();
      final List<String> conflicts = new ArrayList<>();
      final List<CatalogLocations.PreviewEntity> previews = new ArrayList<>();

      void apply() {
        problems.addAll(found);
        conflicts.forEach(emitted::remove);
        previewItems.addAll(previews);
        written += rows.size();
      }

      void preview(Pending p, String status) {
        if (dryRun) {
          previews.add(new CatalogLocations.PreviewEntity(p.ref().toString(), p.entity().kind(),
              p.entity().title() == null ? p.entity().name() : p.entity().title(), status));
        }
      }
    }

    private Decisions decide(List<Pending> pending) {
      Decisions d = new Decisions();
      Map<String, EntityStore.Existing> existing =
          entities.findExisting(pending.stream().map(p -> p.ref().toString()).toList());
      for (Pending p : pending) {
        String ref = p.ref().toString();
        EntityStore.Existing ex = existing.get(ref);
        if (ex != null && !ex.locationId().equals(location.id())) {
          d.conflicts.add(ref);
          d.preview(p, "conflict");
          d.found.add(new LocationProblem(p.path(), p.document(), p.line(), ref,
              "conflict: this entity is already defined by location " + otherLocation(ex.locationId())
                  + "; remove it from one of them"));
          continue;
        }
        if (ex != null && ex.sourceHash().equals(p.hash()) && !ex.hasErrors() && p.problems().isEmpty()) {
          d.preview(p, "unchanged");
          continue; // unchanged since it was last written
        }
        var result = assembler.assemble(p.entity(), source(p.path()), ex == null ? UUID.randomUUID() : ex.id(),
            location.id(), p.hash());
        List<String> all = new ArrayList<>(p.problems());
        all.addAll(result.problems());
        if (all.isEmpty()) {
          d.rows.add(result.row());
          d.preview(p, ex == null ? "new" : "updated");
          continue;
        }
        d.preview(p, "invalid");
        for (String message : all) {
          d.found.add(new LocationProblem(p.path(), p.document(), p.line(), ref, message));
        }
        if (ex != null) {
          d.keptWithErrors.put(ex.id(), all);
        }
      }
      return d;
    }

    private static String rootMessage(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getMessage();
    }

    private String otherLocation(UUID id) {
      return otherLocations.computeIfAbsent(id, i -> locations.find(i)
          .map(l -> l.type() + ":" + l.target()).orElse(i.toString()));
    }

    RefreshResult finish() {
      Map<String, String> files = new LinkedHashMap<>(filesRead);
      for (String substituted : substitutedFiles) {
        try {
          files.putIfAbsent(substituted, snapshot.read(substituted).fingerprint());
        } catch (LocationException e) {
          // already reported where it was substituted
        }
      }
      String status = problems.isEmpty() ? "ok" : "warning";
      String message = problems.isEmpty() ? null
          : problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found; see the list";
      int[] removed = new int[1];
      int[] count = new int[1];
      tx.executeWithoutResult(s -> {
        // With a file not read completely, its Location targets may not have been followed either: then
        // only entities of files that were read completely can be known to be gone.
        Set<String> complete = new HashSet<>(filesRead.keySet());
        complete.removeAll(incompleteFiles);
        removed[0] = entities.deleteNotEmitted(location.id(), emitted.keySet(),
            incompleteFiles.isEmpty() ? null : complete);
        count[0] = entities.countByLocation(location.id());
        locations.recordResult(location.id(), status, message, problems,
            new Fingerprint(snapshot.revision(), files, processorChain), count[0]);
      });
      if (written + removed[0] >= BULK_CHANGE) {
        entities.vacuumAnalyze();
      }
      return new RefreshResult(Outcome.PROCESSED, count[0], written, removed[0], problems.size(),
          message == null ? "ok" : message.toLowerCase(Locale.ROOT));
    }
  }
}
