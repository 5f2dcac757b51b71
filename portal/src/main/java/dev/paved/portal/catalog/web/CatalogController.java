package dev.paved.portal.catalog.web;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogException.Reason;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.catalog.LocationView;
import dev.paved.portal.catalog.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog's REST API, under {@code /api/catalog}. */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "catalog", description = "Entities and the locations they are read from")
class CatalogController {
  static final int MAX_LIMIT = 1000;
  private static final List<String> LIST_PARAMETERS =
      List.of("kind", "type", "owner", "lifecycle", "system", "tag", "q", "offset", "limit");
  private static final byte[] ITEMS_START = "{\"items\":[".getBytes(StandardCharsets.UTF_8);
  private final CatalogQueries queries;
  private final CatalogLocations locations;

  CatalogController(CatalogQueries queries, CatalogLocations locations) {
    this.queries = queries;
    this.locations = locations;
  }

  @Operation(summary = "List entities", description = "Filters combine with AND; a filter given several times"
      + " (or comma-separated) matches any of its values. Ordered by name.")
  @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityPageDoc.class)))
  @GetMapping(value = "/entities", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> entities(
      @Parameter(description = "kind, e.g. component") @RequestParam(required = false) List<String> kind,
      @Parameter(description = "spec.type, e.g. service") @RequestParam(required = false) List<String> type,
      @Parameter(description = "owner: team-a, group:team-a or group:default/team-a") @RequestParam(required = false) List<String> owner,
      @Parameter(description = "spec.lifecycle, e.g. production") @RequestParam(required = false) List<String> lifecycle,
      @Parameter(description = "system: name or system:namespace/name") @RequestParam(required = false) List<String> system,
      @Parameter(description = "tag; all given tags must be present") @RequestParam(required = false) List<String> tag,
      @Parameter(description = "words to find in name, title, description or tags") @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!LIST_PARAMETERS.contains(name)) {
        // silently ignoring Backstage's filter= or fields= would return the wrong entities with a 200
        throw new CatalogException(Reason.INVALID, "unknown parameter '" + name + "'; the entity list takes "
            + String.join(", ", LIST_PARAMETERS) + " (write kind=component&owner=team-a rather than Backstage's"
            + " filter=kind=component,spec.owner=team-a)");
      }
    }
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new CatalogException(Reason.INVALID, "offset must be 0 or more and limit between 1 and " + MAX_LIMIT);
    }
    if (q != null && q.length() > 200) {
      throw new CatalogException(Reason.INVALID, "the search text is longer than 200 characters");
    }
    EntityFilter filter = new EntityFilter(kind, type, owner, lifecycle, system, tag, q);
    Page<byte[]> page = queries.findJson(filter, offset, limit);
    int size = 128;
    for (byte[] item : page.items()) {
      size += item.length + 1;
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(size);
    body.writeBytes(ITEMS_START);
    for (int i = 0; i < page.items().size(); i++) {
      if (i > 0) {
        body.write(',');
      }
      body.writeBytes(page.items().get(i));
    }
    body.writeBytes(("],\"totalItems\":" + page.total() + ",\"offset\":" + offset + ",\"limit\":" + limit + "}")
        .getBytes(StandardCharsets.UTF_8));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body.toByteArray());
  }

  @Operation(summary = "Get one entity with its relations")
  @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityDoc.class)))
  @GetMapping(value = "/entities/by-name/{kind}/{namespace}/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> entity(@PathVariable String kind, @PathVariable String namespace, @PathVariable String name) {
    EntityRef ref = new EntityRef(kind, namespace, name);
    return queries.getJson(ref)
        .map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
        .orElseThrow(() -> new CatalogException(Reason.NOT_FOUND, "no entity " + ref + " in the catalog"));
  }

  @Operation(summary = "Values present for each filter")
  @GetMapping("/facets")
  CatalogQueries.Facets facets() {
    return queries.facets();
  }

  @Operation(summary = "List locations with the outcome of their last refresh")
  @GetMapping("/locations")
  List<LocationView> locations() {
    return locations.list();
  }

  @Operation(summary = "Get one location")
  @GetMapping("/locations/{id}")
  LocationView location(@PathVariable String id) {
    return locations.get(id).orElseThrow(() -> new CatalogException(Reason.NOT_FOUND, "no location with id " + id));
  }

  @Operation(summary = "Preview a location", description = "Reads it without storing anything and lists the"
      + " entities it would add.")
  @PostMapping("/locations/preview")
  CatalogLocations.Preview preview(@RequestBody LocationRequest request) {
    return locations.preview(request.typeOrDefault(), request.target());
  }

  @Operation(summary = "Register a location", description = "Reads it at once: when this returns, its entities"
      + " are in the catalog. type is git (target: a file URL in a Git host, or <clone-url>#<branch>:<path>) or"
      + " file (a path under paved.catalog.file-roots).")
  @PostMapping("/locations")
  ResponseEntity<CatalogLocations.RefreshOutcome> register(@RequestBody LocationRequest request) {
    CatalogLocations.RefreshOutcome outcome = locations.register(request.typeOrDefault(), request.target());
    return ResponseEntity.created(URI.create("/api/catalog/locations/" + outcome.location().id())).body(outcome);
  }

  @Operation(summary = "Refresh a location now")
  @PostMapping("/locations/{id}/refresh")
  CatalogLocations.RefreshOutcome refresh(@PathVariable String id) {
    return locations.refresh(id);
  }

  @Operation(summary = "Delete a location and its entities")
  @DeleteMapping("/locations/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    locations.delete(id);
    return ResponseEntity.noContent().build();
  }

  /** A location to register or preview; type defaults to git. */
  record LocationRequest(String type, String target) {
    String typeOrDefault() {
      return type == null || type.isBlank() ? "git" : type;
    }
  }

  /** Documentation only: the shape of the entity list. */
  @Schema(name = "EntityPage")
  record EntityPageDoc(List<EntityDoc> items, long totalItems, int offset, int limit) {}

  /** Documentation only: an entity in Backstage's format with its relations. */
  @Schema(name = "Entity")
  record EntityDoc(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec,
      List<RelationDoc> relations) {}

  /** Documentation only. */
  @Schema(name = "Relation")
  record RelationDoc(String type, String targetRef) {}
}
