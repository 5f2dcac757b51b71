package dev.paved.portal.catalog.internal;

import static dev.paved.plugin.catalog.RelationTypes.API_CONSUMED_BY;
import static dev.paved.plugin.catalog.RelationTypes.API_PROVIDED_BY;
import static dev.paved.plugin.catalog.RelationTypes.CHILD_OF;
import static dev.paved.plugin.catalog.RelationTypes.CONSUMES_API;
import static dev.paved.plugin.catalog.RelationTypes.DEPENDENCY_OF;
import static dev.paved.plugin.catalog.RelationTypes.DEPENDS_ON;
import static dev.paved.plugin.catalog.RelationTypes.HAS_MEMBER;
import static dev.paved.plugin.catalog.RelationTypes.HAS_PART;
import static dev.paved.plugin.catalog.RelationTypes.MEMBER_OF;
import static dev.paved.plugin.catalog.RelationTypes.OWNED_BY;
import static dev.paved.plugin.catalog.RelationTypes.OWNER_OF;
import static dev.paved.plugin.catalog.RelationTypes.PARENT_OF;
import static dev.paved.plugin.catalog.RelationTypes.PART_OF;
import static dev.paved.plugin.catalog.RelationTypes.PROVIDES_API;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.catalog.Relation;
import dev.paved.plugin.catalog.RelationSink;
import dev.paved.plugin.catalog.ValidationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Backstage kinds: which spec fields each requires and which relations it declares. Kinds not
 * listed here (a plugin's own, or a typo) are kept and shown generically, as Backstage does with
 * unknown kinds allowed by its rules.
 */
final class BackstageKindsProcessor implements CatalogProcessor {
  static final Set<String> BACKSTAGE_VERSIONS = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
  static final Set<String> TEMPLATE_VERSIONS = Set.of("scaffolder.backstage.io/v1beta3");

  /**
   * A reference-valued spec field.
   *
   * @param field the spec field
   * @param list whether it holds a list of references
   * @param defaultKind the kind assumed when a reference has none, {@code null} if it must be written
   * @param type the relation from this entity to the target
   * @param inverse the relation from the target back
   */
  record RefField(String field, boolean list, String defaultKind, String type, String inverse) {}

  /**
   * @param requiredStrings spec fields that must be non-empty strings
   * @param requiredLists spec fields that must be lists (possibly empty)
   */
  record KindRule(Set<String> apiVersions, List<String> requiredStrings, List<String> requiredLists, List<RefField> refs) {}

  static final Map<String, KindRule> RULES =
      Map.of(
          "component",
          new KindRule(BACKSTAGE_VERSIONS, List.of("type", "lifecycle", "owner"), List.of(),
              List.of(
                  new RefField("owner", false, "group", OWNED_BY, OWNER_OF),
                  new RefField("system", false, "system", PART_OF, HAS_PART),
                  new RefField("subcomponentOf", false, "component", PART_OF, HAS_PART),
                  new RefField("providesApis", true, "api", PROVIDES_API, API_PROVIDED_BY),
                  new RefField("consumesApis", true, "api", CONSUMES_API, API_CONSUMED_BY),
                  new RefField("dependsOn", true, null, DEPENDS_ON, DEPENDENCY_OF),
                  new RefField("dependencyOf", true, null, DEPENDENCY_OF, DEPENDS_ON))),
          "api",
          new KindRule(BACKSTAGE_VERSIONS, List.of("type", "lifecycle", "owner", "definition"), List.of(),
              List.of(
                  new RefField("owner", false, "group", OWNED_BY, OWNER_OF),
                  new RefField("system", false, "system", PART_OF, HAS_PART))),
          "resource",
          new KindRule(BACKSTAGE_VERSIONS, List.of("type", "owner"), List.of(),
              List.of(
                  new RefField("owner", false, "group", OWNED_BY, OWNER_OF),
                  new RefField("system", false, "system", PART_OF, HAS_PART),
                  new RefField("dependsOn", true, null, DEPENDS_ON, DEPENDENCY_OF),
                  new RefField("dependencyOf", true, null, DEPENDENCY_OF, DEPENDS_ON))),
          "system",
          new KindRule(BACKSTAGE_VERSIONS, List.of("owner"), List.of(),
              List.of(
                  new RefField("owner", false, "group", OWNED_BY, OWNER_OF),
                  new RefField("domain", false, "domain", PART_OF, HAS_PART))),
          "domain",
          new KindRule(BACKSTAGE_VERSIONS, List.of("owner"), List.of(),
              List.of(
                  new RefField("owner", false, "group", OWNED_BY, OWNER_OF),
                  new RefField("subdomainOf", false, "domain", PART_OF, HAS_PART))),
          "group",
          new KindRule(BACKSTAGE_VERSIONS, List.of("type"), List.of("children"),
              List.of(
                  new RefField("parent", false, "group", CHILD_OF, PARENT_OF),
                  new RefField("children", true, "group", PARENT_OF, CHILD_OF),
                  new RefField("members", true, "user", HAS_MEMBER, MEMBER_OF))),
          "user",
          new KindRule(BACKSTAGE_VERSIONS, List.of(), List.of("memberOf"),
              List.of(new RefField("memberOf", true, "group", MEMBER_OF, HAS_MEMBER))),
          "location",
          new KindRule(BACKSTAGE_VERSIONS, List.of(), List.of(), List.of()),
          "template",
          new KindRule(TEMPLATE_VERSIONS, List.of("type"), List.of("steps"),
              List.of(new RefField("owner", false, "group", OWNED_BY, OWNER_OF))));

  @Override
  public String id() {
    return "backstage-kinds";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public void validate(Entity entity, ValidationReport report) {
    KindRule rule = rule(entity);
    if (rule == null) {
      return;
    }
    if (entity.apiVersion() != null && !rule.apiVersions().contains(entity.apiVersion())) {
      report.problem("apiVersion", "kind " + entity.kind() + " needs apiVersion " + String.join(" or ", rule.apiVersions().stream().sorted().toList())
          + ", not " + entity.apiVersion());
    }
    Map<String, Object> spec = entity.spec();
    if (!(entity.tree().get("spec") instanceof Map)) {
      report.problem("spec", "kind " + entity.kind() + " needs a spec");
      return;
    }
    for (String field : rule.requiredStrings()) {
      Object value = spec.get(field);
      if (!(value instanceof String s) || s.isBlank()) {
        report.problem("spec." + field, "spec." + field + " is required for a " + entity.kind() + " and must be a string");
      }
    }
    for (String field : rule.requiredLists()) {
      if (!(spec.get(field) instanceof List)) {
        report.problem("spec." + field, "spec." + field + " is required for a " + entity.kind() + " and must be a list");
      }
    }
    for (RefField ref : rule.refs()) {
      checkRefField(entity, spec.get(ref.field()), ref, report);
    }
    if ("location".equals(kind(entity))) {
      checkLocation(spec, report);
    }
  }

  @Override
  public void postProcess(Entity entity, RelationSink relations) {
    KindRule rule = rule(entity);
    EntityRef self = entity.ref();
    if (rule == null || self == null) {
      return;
    }
    for (RefField ref : rule.refs()) {
      List<String> values = ref.list() ? entity.specStrings(ref.field()) : single(entity.specString(ref.field()));
      for (String value : values) {
        EntityRef target = EntityRef.parse(value, ref.defaultKind(), self.namespace());
        relations.emit(new Relation(self, ref.type(), target));
        relations.emit(new Relation(target, ref.inverse(), self));
      }
    }
  }

  static KindRule rule(Entity entity) {
    return RULES.get(kind(entity));
  }

  private static String kind(Entity entity) {
    return entity.kind() == null ? "" : entity.kind().toLowerCase(Locale.ROOT);
  }

  private static List<String> single(String s) {
    return s == null || s.isBlank() ? List.of() : List.of(s);
  }

  private static void checkRefField(Entity entity, Object value, RefField ref, ValidationReport report) {
    if (value == null) {
      return;
    }
    String path = "spec." + ref.field();
    List<?> values;
    if (ref.list()) {
      if (!(value instanceof List<?> l)) {
        report.problem(path, path + " must be a list of entity references");
        return;
      }
      values = l;
    } else {
      if (!(value instanceof String)) {
        report.problem(path, path + " must be an entity reference such as " + (ref.defaultKind() == null ? "component:name" : ref.defaultKind() + ":name"));
        return;
      }
      values = List.of(value);
    }
    for (Object v : values) {
      if (!(v instanceof String s)) {
        report.problem(path, path + " must contain only entity references (strings)");
        continue;
      }
      try {
        EntityRef.parse(s, ref.defaultKind(), entity.namespace());
      } catch (IllegalArgumentException e) {
        report.problem(path, path + ": " + e.getMessage());
      }
    }
  }

  private static void checkLocation(Map<String, Object> spec, ValidationReport report) {
    Object target = spec.get("target");
    Object targets = spec.get("targets");
    if (target == null && targets == null) {
      report.problem("spec.target", "a Location needs spec.target or spec.targets");
    }
    if (target != null && !(target instanceof String)) {
      report.problem("spec.target", "spec.target must be a string");
    }
    if (targets != null && !(targets instanceof List<?> l && l.stream().allMatch(String.class::isInstance))) {
      report.problem("spec.targets", "spec.targets must be a list of strings");
    }
    if (spec.get("type") != null && !(spec.get("type") instanceof String)) {
      report.problem("spec.type", "spec.type must be a string");
    }
  }
}
