package dev.paved.portal.catalog.internal;

import dev.paved.portal.catalog.LocationProblem;
import dev.paved.portal.catalog.LocationView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Registered locations and the outcome of their last refresh. */
@Repository
class LocationStore {
  private static final TypeReference<List<LocationProblem>> PROBLEMS = new TypeReference<>() {};
  private final JdbcTemplate jdbc;
  private final JsonMapper json;

  LocationStore(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A location row, with what the refresh loop needs. */
  record StoredLocation(UUID id, String type, String target, String origin, String status, Fingerprint fingerprint) {}

  /**
   * What a successful refresh read: the source revision (a commit), each file's fingerprint, and the
   * processors that ran.
   */
  record Fingerprint(String revision, java.util.Map<String, String> files, String processors) {}

  Optional<StoredLocation> find(UUID id) {
    return jdbc.query("select id, type, target, origin, status, fingerprint::text from catalog_location where id = ?",
        this::mapStored, id).stream().findFirst();
  }

  Optional<StoredLocation> find(String type, String target) {
    return jdbc.query("select id, type, target, origin, status, fingerprint::text from catalog_location where type = ? and target = ?",
        this::mapStored, type, target).stream().findFirst();
  }

  List<StoredLocation> all() {
    return jdbc.query("select id, type, target, origin, status, fingerprint::text from catalog_location order by created_at", this::mapStored);
  }

  /** Creates the location, or returns the existing one with the same type and target. */
  StoredLocation create(String type, String target, String origin) {
    jdbc.update("insert into catalog_location (id, type, target, origin) values (?,?,?,?) on conflict (type, target) do nothing",
        UUID.randomUUID(), type, target, origin);
    return find(type, target).orElseThrow();
  }

  boolean delete(UUID id) {
    return jdbc.update("delete from catalog_location where id = ?", id) > 0;
  }

  void recordResult(UUID id, String status, String message, List<LocationProblem> problems, Fingerprint fingerprint, int entityCount) {
    jdbc.update("update catalog_location set status = ?, message = ?, errors = ?::jsonb, fingerprint = ?::jsonb,"
            + " entity_count = ?, refreshed_at = now() where id = ?",
        status, message, json.writeValueAsString(problems), fingerprint == null ? null : json.writeValueAsString(fingerprint),
        entityCount, id);
  }

  /** Marks a location whose source could not be read, keeping its fingerprint and problems. */
  void recordFailure(UUID id, String message) {
    jdbc.update("update catalog_location set status = 'error', message = ?, refreshed_at = now() where id = ?", message, id);
  }

  void touch(UUID id) {
    jdbc.update("update catalog_location set refreshed_at = now() where id = ?", id);
  }

  List<LocationView> views() {
    return jdbc.query("select id, type, target, origin, status, message, errors::text, entity_count, refreshed_at"
        + " from catalog_location order by origin, created_at", this::mapView);
  }

  Optional<LocationView> view(UUID id) {
    return jdbc.query("select id, type, target, origin, status, message, errors::text, entity_count, refreshed_at"
        + " from catalog_location where id = ?", this::mapView, id).stream().findFirst();
  }

  private LocationView mapView(ResultSet rs, int row) throws SQLException {
    Timestamp refreshed = rs.getTimestamp(9);
    return new LocationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), json.readValue(rs.getString(7), PROBLEMS), rs.getInt(8),
        refreshed == null ? null : refreshed.toInstant());
  }

  private StoredLocation mapStored(ResultSet rs, int row) throws SQLException {
    String fp = rs.getString(6);
    return new StoredLocation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), fp == null ? null : json.readValue(fp, Fingerprint.class));
  }
}
