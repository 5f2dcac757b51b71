package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The envelope and metadata rules every entity must follow, as Backstage's {@code
 * DefaultNamespaceEntityPolicy}, {@code FieldFormatEntityPolicy} and {@code NoForeignRootFieldsEntityPolicy}
 * apply them: apiVersion, kind, name, namespace, labels, annotations, tags and links.
 */
final class MetadataProcessor implements CatalogProcessor {
  private static final Pattern API_VERSION = Pattern.compile("^[a-z0-9]+([.-][a-z0-9]+)*/[a-z0-9]+$");
  private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-zA-Z0-9]*$");
  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern NAMESPACE = Pattern.compile("^[a-z0-9]+(-+[a-z0-9]+)*$");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]+(-+[a-z0-9]+)*(\\.[a-z0-9]+(-+[a-z0-9]+)*)*$");
  private static final Pattern KEY_NAME = Pattern.compile("^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$");
  private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
  private static final List<String> ROOT_FIELDS = List.of("apiVersion", "kind", "metadata", "spec", "relations", "status");
  private static final List<String> STRING_METADATA = List.of("name", "namespace", "title", "description", "uid", "etag");

  @Override
  public String id() {
    return "entity-envelope";
  }

  @Override
  public int order() {
    return 0;
  }

  /** Every stored entity names its namespace, as Backstage's entities do. */
  @Override
  public Entity preProcess(Entity entity, dev.paved.plugin.catalog.EntitySource source) {
    if (entity.tree().get("metadata") instanceof Map<?, ?> meta && !meta.containsKey("namespace")) {
      Map<String, Object> tree = entity.toMutableTree();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) tree.get("metadata");
      Map<String, Object> ordered = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> {
        ordered.put(k, v);
        if (k.equals("name")) {
          ordered.put("namespace", dev.paved.plugin.catalog.EntityRef.DEFAULT_NAMESPACE);
        }
      });
      ordered.putIfAbsent("namespace", dev.paved.plugin.catalog.EntityRef.DEFAULT_NAMESPACE);
      tree.put("metadata", ordered);
      return Entity.of(tree);
    }
    return entity;
  }

  @Override
  public void validate(Entity entity, ValidationReport report) {
    Map<String, Object> tree = entity.tree();
    for (String key : tree.keySet()) {
      if (!ROOT_FIELDS.contains(key)) {
        report.problem(key, "unknown top-level field '" + key + "'; only " + ROOT_FIELDS + " are allowed");
      }
    }
    Object apiVersion = tree.get("apiVersion");
    if (!(apiVersion instanceof String v) || v.isEmpty()) {
      report.problem("apiVersion", "apiVersion is required, e.g. backstage.io/v1alpha1");
    } else if (!API_VERSION.matcher(v).matches()) {
      report.problem("apiVersion", "apiVersion '" + v + "' must look like group/version, e.g. backstage.io/v1alpha1");
    }
    Object kind = tree.get("kind");
    if (!(kind instanceof String k) || k.isEmpty()) {
      report.problem("kind", "kind is required, e.g. Component");
    } else if (k.length() > 63 || !KIND.matcher(k).matches()) {
      report.problem("kind", "kind '" + k + "' must be letters and digits, starting with a letter, at most 63 characters");
    }
    Object metadata = tree.get("metadata");
    if (!(metadata instanceof Map<?, ?> meta)) {
      report.problem("metadata", "metadata is required and must be a mapping with at least a name");
      return;
    }
    if (tree.containsKey("spec") && !(tree.get("spec") instanceof Map)) {
      report.problem("spec", "spec must be a mapping");
    }
    for (String field : STRING_METADATA) {
      if (meta.containsKey(field) && !(meta.get(field) instanceof String)) {
        report.problem("metadata." + field, "metadata." + field + " must be a string");
      }
    }
    checkName(meta.get("name"), report);
    if (meta.get("namespace") instanceof String ns && (ns.length() > 63 || !NAMESPACE.matcher(ns).matches())) {
      report.problem("metadata.namespace",
          "namespace '" + ns + "' must be lower-case letters, digits and dashes, at most 63 characters");
    }
    checkKeyValues(meta.get("labels"), "labels", true, report);
    checkKeyValues(meta.get("annotations"), "annotations", false, report);
    checkTags(meta.get("tags"), report);
    checkLinks(meta.get("links"), report);
  }

  private static void checkName(Object name, ValidationReport report) {
    if (!(name instanceof String n) || n.isEmpty()) {
      report.problem("metadata.name", "metadata.name is required");
    } else if (n.length() > 63 || !NAME.matcher(n).matches()) {
      report.problem("metadata.name",
          "name '" + abbreviate(n) + "' must be 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
  }

  private static void checkKeyValues(Object value, String field, boolean valuesAreNames, ValidationReport report) {
    if (value == null) {
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      report.problem("metadata." + field, "metadata." + field + " must be a mapping of strings");
      return;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String path = "metadata." + field + "." + key;
      if (!validKey(key)) {
        report.problem(path, "key '" + abbreviate(key)
            + "' must be a name of at most 63 characters, optionally prefixed by a DNS subdomain and '/'");
      }
      if (!(e.getValue() instanceof String v)) {
        report.problem(path, "value of " + field.substring(0, field.length() - 1) + " '" + abbreviate(key) + "' must be a string");
      } else if (valuesAreNames && (v.length() > 63 || !KEY_NAME.matcher(v).matches())) {
        report.problem(path, "label value '" + abbreviate(v) + "' must be at most 63 letters, digits, '-', '_' or '.'");
      }
    }
  }

  static boolean validKey(String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (prefix != null && (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
      return false;
    }
    return !name.isEmpty() && name.length() <= 63 && KEY_NAME.matcher(name).matches();
  }

  private static void checkTags(Object value, ValidationReport report) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> tags)) {
      report.problem("metadata.tags", "metadata.tags must be a list of strings");
      return;
    }
    for (Object tag : tags) {
      if (!(tag instanceof String t) || t.isEmpty() || t.length() > 63 || !TAG.matcher(t).matches()) {
        report.problem("metadata.tags", "tag '" + abbreviate(String.valueOf(tag))
            + "' must be lower-case letters, digits, ':', '+' or '#' separated by '-', at most 63 characters");
      }
    }
  }

  private static void checkLinks(Object value, ValidationReport report) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> links)) {
      report.problem("metadata.links", "metadata.links must be a list of {url, title}");
      return;
    }
    for (int i = 0; i < links.size(); i++) {
      if (!(links.get(i) instanceof Map<?, ?> link) || !(link.get("url") instanceof String url) || url.isBlank()) {
        report.problem("metadata.links[" + i + "]", "each link needs a url");
        continue;
      }
      String lower = url.toLowerCase(java.util.Locale.ROOT);
      if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:"))) {
        report.problem("metadata.links[" + i + "].url", "link url '" + abbreviate(url) + "' must start with https://, http:// or mailto:");
      }
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
