package dev.paved.portal.catalog.internal;

import dev.paved.portal.access.Access;
import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.Permission;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.audit.AuditLog;
import java.util.Map;
import dev.paved.plugin.catalog.LocationException;
import dev.paved.portal.catalog.CatalogException;
import dev.paved.portal.catalog.CatalogException.Reason;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.LocationView;
import dev.paved.portal.catalog.internal.LocationStore.StoredLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Registration, refresh and removal of locations, for the UI and the REST API: platform engineers only
 * (reading a location fetches from the address given, so nobody else may point the portal somewhere), each
 * change audited. A scaffolder task registers and removes its own service's location through the
 * {@code ForTask} methods, authorised when the task was started.
 */
@Service
class CatalogLocationService implements CatalogLocations {
  private static final Logger log = LoggerFactory.getLogger(CatalogLocationService.class);
  private final LocationStore locations;
  private final LocationProcessor processor;
  private final CatalogChangeNotifier changes;
  private final Access access;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  CatalogLocationService(LocationStore locations, LocationProcessor processor, CatalogChangeNotifier changes,
      Access access, CurrentUser currentUser, AuditLog audit) {
    this.locations = locations;
    this.processor = processor;
    this.changes = changes;
    this.access = access;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  private PortalUser require(String what) {
    PortalUser user = currentUser.user();
    access.require(user, Permission.MANAGE_CATALOG_LOCATIONS, what);
    return user;
  }

  @Override
  public List<LocationView> list() {
    return locations.views();
  }

  @Override
  public Optional<LocationView> get(String id) {
    return parseId(id).flatMap(locations::view);
  }

  @Override
  public Preview preview(String type, String target) {
    require("Reading a catalog location");
    String normalised = normalise(type, target);
    if (locations.find(type, normalised).isPresent()) {
      throw alreadyRegistered(type, normalised);
    }
    try {
      return processor.preview(type, normalised);
    } catch (LocationException e) {
      throw new CatalogException(Reason.UNREADABLE, e.getMessage());
    }
  }

  @Override
  public RefreshOutcome register(String type, String target) {
    PortalUser user = require("Registering a catalog location");
    try {
      RefreshOutcome outcome = registerUnchecked(type, target);
      audit.record(user.ref(), "catalog.location.register", type + ":" + outcome.location().target(), "success",
          Map.of("entities", outcome.written()));
      return outcome;
    } catch (CatalogException e) {
      audit.record(user.ref(), "catalog.location.register", type + ":" + target, "failure", Map.of("error",
          e.getMessage()));
      throw e;
    }
  }

  /** Registers the location a scaffolder task created, as the task's user (checked when it started). */
  RefreshOutcome registerForTask(String type, String target, String actor) {
    RefreshOutcome outcome = registerUnchecked(type, target);
    audit.record(actor, "catalog.location.register", type + ":" + outcome.location().target(), "success",
        Map.of("entities", outcome.written(), "by", "scaffolder task"));
    return outcome;
  }

  private RefreshOutcome registerUnchecked(String type, String target) {
    String normalised = normalise(type, target);
    if (locations.find(type, normalised).isPresent()) {
      throw alreadyRegistered(type, normalised);
    }
    // Read it once before storing anything: an unreachable or malformed source leaves nothing behind.
    try {
      processor.reader(type).checkTarget(normalised);
      try (var snapshot = processor.open(type, normalised)) {
        for (String entry : snapshot.entryPaths()) {
          snapshot.read(entry); // missing, unreadable or oversized files are refused here, not stored
        }
      }
    } catch (LocationException e) {
      throw new CatalogException(Reason.UNREADABLE, e.getMessage());
    }
    StoredLocation stored = locations.create(type, normalised, "user");
    RefreshOutcome outcome = refresh(stored);
    if ("failed".equals(outcome.outcome())) {
      // the first read failed after all: register nothing rather than a location with no entities
      locations.delete(stored.id());
      changes.changed();
      throw new CatalogException(Reason.UNREADABLE, outcome.location().message());
    }
    log.info("Registered {} location {}", type, normalised);
    return outcome;
  }

  @Override
  public RefreshOutcome refresh(String id) {
    require("Refreshing a catalog location");
    StoredLocation stored = parseId(id).flatMap(locations::find)
        .orElseThrow(() -> new CatalogException(Reason.NOT_FOUND, "no location with id " + id));
    return refresh(stored);
  }

  RefreshOutcome refresh(StoredLocation stored) {
    LocationProcessor.RefreshResult result = processor.refresh(stored);
    // a source read again (a new commit) may have changed files next to the descriptors, such as a
    // golden path's skeleton, even when no entity changed
    if (result.written() > 0 || result.removed() > 0 || result.outcome() == LocationProcessor.Outcome.PROCESSED) {
      changes.changed();
    }
    LocationView view = locations.view(stored.id()).orElseThrow();
    return new RefreshOutcome(view, result.outcome().name().toLowerCase(java.util.Locale.ROOT), result.written(), result.removed());
  }

  @Override
  public void delete(String id) {
    PortalUser user = require("Removing a catalog location");
    StoredLocation stored = deleteUnchecked(id);
    audit.record(user.ref(), "catalog.location.delete", stored.type() + ":" + stored.target(), "success", Map.of());
  }

  /** Removes the location a scaffolder task registered, when the task is undone. */
  void deleteForTask(String id, String actor) {
    StoredLocation stored = deleteUnchecked(id);
    audit.record(actor, "catalog.location.delete", stored.type() + ":" + stored.target(), "success",
        Map.of("by", "scaffolder task undo"));
  }

  private StoredLocation deleteUnchecked(String id) {
    StoredLocation stored = parseId(id).flatMap(locations::find)
        .orElseThrow(() -> new CatalogException(Reason.NOT_FOUND, "no location with id " + id));
    if ("config".equals(stored.origin())) {
      throw new CatalogException(Reason.INVALID, "location " + stored.target()
          + " comes from the configuration (paved.catalog.locations); remove it there");
    }
    locations.delete(stored.id());
    changes.changed();
    log.info("Deleted {} location {} and its entities", stored.type(), stored.target());
    return stored;
  }

  /** The canonical form of a target, so one source is one location however it was written. */
  String normalise(String type, String target) {
    if (type == null || target == null || target.isBlank()) {
      throw new CatalogException(Reason.INVALID, "a location needs a type (git or file) and a target");
    }
    try {
      processor.reader(type);
    } catch (LocationException e) {
      throw new CatalogException(Reason.INVALID, e.getMessage());
    }
    String trimmed = target.trim();
    if (trimmed.length() > 2000) {
      throw new CatalogException(Reason.INVALID, "the target is longer than 2000 characters");
    }
    if ("file".equals(type)) {
      return Path.of(trimmed).toAbsolutePath().normalize().toString();
    }
    if ("git".equals(type)) {
      try {
        return dev.paved.portal.catalog.GitTarget.fromUserInput(trimmed).toString();
      } catch (IllegalArgumentException e) {
        throw new CatalogException(Reason.INVALID, e.getMessage());
      }
    }
    return trimmed;
  }

  private static CatalogException alreadyRegistered(String type, String target) {
    return new CatalogException(Reason.CONFLICT, "location " + type + ":" + target
        + " is already registered; refresh it under Admin > Catalog locations instead");
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
