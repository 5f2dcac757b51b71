package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.catalog.EntitySource;
import dev.paved.plugin.catalog.Relation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the processor chain over one entity and turns the result into a row: validation problems, the
 * relations it declares, and the columns the catalog filters on.
 */
final class EntityAssembler {
  private static final int MAX_SEARCH_DESCRIPTION = 2000;
  private final List<CatalogProcessor> processors;
  private final JsonMapper json;

  EntityAssembler(List<CatalogProcessor> processors, JsonMapper json) {
    this.processors = processors.stream()
        .sorted(java.util.Comparator.comparingInt(CatalogProcessor::order)).toList();
    this.json = json;
  }

  /** The outcome: a row to store, or the problems that prevent it. */
  record Result(EntityRow row, List<String> problems) {}

  Result assemble(Entity entity, EntitySource source, UUID id, UUID locationId, String sourceHash) {
    Entity current = entity;
    List<String> problems = new ArrayList<>();
    for (CatalogProcessor p : processors) {
      try {
        current = p.preProcess(current, source);
      } catch (RuntimeException e) {
        problems.add("processor " + p.id() + " failed: " + e.getMessage());
        return new Result(null, problems);
      }
    }
    final Entity processed = current;
    if (entity.ref() != null && !entity.ref().equals(processed.ref())) {
      // the reference decides conflicts and removal before processing; a rename would break both
      problems.add("a processor changed the entity's reference from " + entity.ref() + " to " + processed.ref()
          + "; processors may enrich an entity but not rename it");
      return new Result(null, problems);
    }
    for (CatalogProcessor p : processors) {
      try {
        p.validate(processed, (field, message) -> problems.add(message));
      } catch (RuntimeException e) {
        problems.add("processor " + p.id() + " failed: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    LinkedHashSet<Relation> relations = new LinkedHashSet<>();
    for (CatalogProcessor p : processors) {
      try {
        p.postProcess(processed, relations::add);
      } catch (RuntimeException e) {
        problems.add("processor " + p.id() + " failed: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    EntityRef ref = processed.ref();
    Map<String, Object> tree = processed.toMutableTree();
    tree.remove("relations");
    String body = json.writeValueAsString(tree);
    String description = processed.description();
    StringBuilder search = new StringBuilder(processed.name());
    if (processed.title() != null) {
      search.append(' ').append(processed.title());
    }
    if (description != null) {
      search.append(' ').append(description.length() > MAX_SEARCH_DESCRIPTION
          ? description.substring(0, MAX_SEARCH_DESCRIPTION) : description);
    }
    for (String tag : processed.tags()) {
      search.append(' ').append(tag);
    }
    EntityRow row = new EntityRow(id, ref.toString(), ref.kind(), ref.namespace(), processed.name(), locationId,
        source.path(), source.displayUrl(), body, sourceHash, processed.title(), description,
        lower(processed.specString("type")), lower(processed.specString("lifecycle")),
        refOrNull(processed.specString("owner"), "group", ref.namespace()),
        refOrNull(processed.specString("system"), "system", ref.namespace()),
        processed.tags(), search.toString().toLowerCase(Locale.ROOT), List.copyOf(relations));
    return new Result(row, List.of());
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static String refOrNull(String value, String defaultKind, String namespace) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return EntityRef.parse(value, defaultKind, namespace).toString();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
