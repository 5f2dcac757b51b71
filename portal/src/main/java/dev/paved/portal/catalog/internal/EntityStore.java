package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.Relation;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes the processed catalog: entities and the relations they declare. */
@Repository
class EntityStore {
  private final JdbcTemplate jdbc;

  EntityStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What is stored for an entity, enough to decide whether a new read changes anything. */
  record Existing(UUID id, UUID locationId, String sourceHash, boolean hasErrors, String sourcePath) {}

  Map<String, Existing> findExisting(Collection<String> refs) {
    Map<String, Existing> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(
              "select entity_ref, id, location_id, source_hash, errors <> '[]'::jsonb, source_path"
                  + " from catalog_entity where entity_ref = any(?)");
          ps.setArray(1, con.createArrayOf("text", refs.toArray()));
          return ps;
        },
        rs -> {
          out.put(rs.getString(1), new Existing(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
              rs.getString(4), rs.getBoolean(5), rs.getString(6)));
        });
    return out;
  }

  /** Inserts or replaces entities and their relations; the caller runs this in a transaction. */
  void upsert(List<EntityRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.execute((Connection con) -> {
      try (PreparedStatement ps = con.prepareStatement(
          "insert into catalog_entity (id, entity_ref, kind, namespace, name, location_id, source_path, source_url,"
              + " body, source_hash, title, description, spec_type, lifecycle, owner_ref, system_ref, tags, search_text,"
              + " errors, updated_at) values (?,?,?,?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?,?,'[]'::jsonb, now())"
              + " on conflict (entity_ref) do update set kind = excluded.kind, namespace = excluded.namespace,"
              + " name = excluded.name, location_id = excluded.location_id, source_path = excluded.source_path,"
              + " source_url = excluded.source_url, body = excluded.body, source_hash = excluded.source_hash,"
              + " title = excluded.title, description = excluded.description, spec_type = excluded.spec_type,"
              + " lifecycle = excluded.lifecycle, owner_ref = excluded.owner_ref, system_ref = excluded.system_ref,"
              + " tags = excluded.tags, search_text = excluded.search_text, errors = '[]'::jsonb, updated_at = now()")) {
        for (EntityRow r : rows) {
          int i = 1;
          ps.setObject(i++, r.id());
          ps.setString(i++, r.ref());
          ps.setString(i++, r.kind());
          ps.setString(i++, r.namespace());
          ps.setString(i++, r.name());
          ps.setObject(i++, r.locationId());
          ps.setString(i++, r.sourcePath());
          ps.setString(i++, r.sourceUrl());
          ps.setString(i++, r.bodyJson());
          ps.setString(i++, r.sourceHash());
          ps.setString(i++, r.title());
          ps.setString(i++, r.description());
          ps.setString(i++, r.specType());
          ps.setString(i++, r.lifecycle());
          ps.setString(i++, r.ownerRef());
          ps.setString(i++, r.systemRef());
          ps.setArray(i++, con.createArrayOf("text", r.tags().toArray()));
          ps.setString(i, r.searchText());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      replaceRelations(con, rows);
      return null;
    });
  }

  private static void replaceRelations(Connection con, List<EntityRow> rows) throws SQLException {
    try (PreparedStatement del = con.prepareStatement("delete from catalog_relation where origin_id = any(?)")) {
      Array ids = con.createArrayOf("uuid", rows.stream().map(EntityRow::id).toArray());
      del.setArray(1, ids);
      del.executeUpdate();
    }
    try (PreparedStatement ins = con.prepareStatement(
        "insert into catalog_relation (origin_id, source_ref, type, target_ref) values (?,?,?,?)")) {
      int pending = 0;
      for (EntityRow r : rows) {
        for (Relation rel : r.relations()) {
          ins.setObject(1, r.id());
          ins.setString(2, rel.source().toString());
          ins.setString(3, rel.type());
          ins.setString(4, rel.target().toString());
          ins.addBatch();
          pending++;
        }
      }
      if (pending > 0) {
        ins.executeBatch();
      }
    }
  }

  /** Records validation problems on an entity whose last good version stays in place. */
  void setErrors(UUID id, String errorsJson) {
    jdbc.update("update catalog_entity set errors = ?::jsonb where id = ?", errorsJson, id);
  }

  /**
   * Removes a location's entities that its source no longer emits.
   *
   * @param onlyFromFiles when not {@code null}, only entities of these files are candidates: the others
   *     come from files that could not be read completely this time and are not known to be gone
   */
  int deleteNotEmitted(UUID locationId, Collection<String> emitted, Collection<String> onlyFromFiles) {
    return jdbc.execute((Connection con) -> {
      String sql = "delete from catalog_entity where location_id = ? and not (entity_ref = any(?))"
          + (onlyFromFiles == null ? "" : " and source_path = any(?)");
      try (PreparedStatement ps = con.prepareStatement(sql)) {
        ps.setObject(1, locationId);
        ps.setArray(2, con.createArrayOf("text", emitted.toArray()));
        if (onlyFromFiles != null) {
          ps.setArray(3, con.createArrayOf("text", onlyFromFiles.toArray()));
        }
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Serialises catalog writes across locations (and portal replicas) until the transaction ends, so two
   * locations defining the same entity cannot both decide it is theirs.
   */
  void lockForWriting() {
    jdbc.query("select pg_advisory_xact_lock(7370301)", rs -> {});
  }

  /**
   * Refreshes the planner's statistics and the visibility map after a bulk change, so the next queries
   * use the right indexes (index-only scans for relations) instead of guessing from an empty table.
   */
  void vacuumAnalyze() {
    jdbc.execute("vacuum (analyze) catalog_entity, catalog_relation");
  }

  int countByLocation(UUID locationId) {
    Integer n = jdbc.queryForObject("select count(*) from catalog_entity where location_id = ?", Integer.class, locationId);
    return n == null ? 0 : n;
  }

  List<String> refsByLocation(UUID locationId) {
    return new ArrayList<>(jdbc.queryForList(
        "select entity_ref from catalog_entity where location_id = ?", String.class, locationId));
  }
}
