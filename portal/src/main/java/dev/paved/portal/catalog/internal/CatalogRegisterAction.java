package dev.paved.portal.catalog.internal;

import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogLocations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.stereotype.Component;

/**
 * {@code catalog:register}: registers the new repository's {@code catalog-info.yaml} as a Git location
 * and reads it at once, so the entity is in the catalog when the task ends rather than after the next
 * refresh. Undo removes the location and its entities.
 */
@Component
class CatalogRegisterAction implements ScaffolderAction {
  private final CatalogLocationService locations;
  private final dev.paved.portal.catalog.CatalogQueries queries;

  CatalogRegisterAction(CatalogLocationService locations, dev.paved.portal.catalog.CatalogQueries queries) {
    this.locations = locations;
    this.queries = queries;
  }

  @Override
  public String id() {
    return "catalog:register";
  }

  @Override
  public String description() {
    return "Registers a repository's catalog-info.yaml in the catalog and reads it now";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Map.of("type", "object", "required", List.of("repoContentsUrl"), "additionalProperties", false,
        "properties", Map.of(
            "repoContentsUrl", Map.of("type", "string", "description", "the repository's clone URL (publish:git's cloneUrl)"),
            "branch", Map.of("type", "string"),
            "catalogInfoPath", Map.of("type", "string", "description", "the descriptor's path in the repository")));
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    String repo = (String) context.input().get("repoContentsUrl");
    String branch = (String) context.input().getOrDefault("branch", "main");
    String path = ((String) context.input().getOrDefault("catalogInfoPath", "catalog-info.yaml")).replaceFirst("^/+", "");
    String target = repo + "#" + branch + ":" + path;
    CatalogLocations.RefreshOutcome outcome;
    try {
      outcome = locations.registerForTask("git", target, context.actor().ref());
    } catch (CatalogException e) {
      throw new ActionException("could not register " + target + " in the catalog: " + e.getMessage());
    }
    context.recordUndo(Map.of("locationId", outcome.location().id(), "target", target));
    context.log("registered " + target + ": " + outcome.written() + " entities in the catalog");
    context.output("catalogInfoUrl", target);
    context.output("locationId", outcome.location().id());
    // the descriptor's first entity is the task's link to the catalog; what the catalog read is the truth
    firstEntityRef(context, path).or(() -> queries.refsOfLocation(outcome.location().id()).stream().findFirst())
        .ifPresent(ref -> context.output("entityRef", ref));
  }

  /** The first entity the workspace's descriptor defines, as the task's link to the catalog. */
  private static java.util.Optional<String> firstEntityRef(ActionContext context, String path) {
    return context.workspace().read(path).flatMap(bytes -> {
      for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(new String(bytes, StandardCharsets.UTF_8))) {
        if (doc instanceof Map<?, ?> e && e.get("kind") instanceof String kind && e.get("metadata") instanceof Map<?, ?> m
            && m.get("name") instanceof String name) {
          String namespace = m.get("namespace") instanceof String ns ? ns : "default";
          return java.util.Optional.of((kind + ":" + namespace + "/" + name).toLowerCase(java.util.Locale.ROOT));
        }
      }
      return java.util.Optional.empty();
    });
  }

  @Override
  public void undo(Map<String, Object> record, ActionContext context) throws ActionException {
    String id = (String) record.get("locationId");
    try {
      locations.deleteForTask(id, context.actor().ref());
      context.log("removed " + record.get("target") + " and its entities from the catalog");
    } catch (CatalogException e) {
      if (e.reason() == CatalogException.Reason.NOT_FOUND) {
        context.log(record.get("target") + " was already gone from the catalog");
        return;
      }
      throw new ActionException("could not remove " + record.get("target") + " from the catalog: " + e.getMessage());
    }
  }
}
