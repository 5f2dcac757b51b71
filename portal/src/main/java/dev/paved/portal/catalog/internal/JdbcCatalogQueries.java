package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.catalog.CatalogChanged;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.catalog.EntitySummary;
import dev.paved.portal.catalog.LocationProblem;
import dev.paved.portal.catalog.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog queries in SQL. Every filter maps to an indexed column; text search is a substring match over
 * a lower-cased search column with a trigram index, so "pay" finds "payments-api" as users expect.
 */
@Service
class JdbcCatalogQueries implements CatalogQueries {
  private static final String SUMMARY_COLUMNS =
      "e.entity_ref, e.kind, e.namespace, e.name, e.title, e.description, e.spec_type, e.lifecycle, e.owner_ref,"
          + " e.system_ref, e.tags, e.errors <> '[]'::jsonb";
  /** Backstage's entity shape: the stored body with the relations this entity is the source of. */
  private static final String ENTITY_JSON =
      "json_build_object('apiVersion', e.body->'apiVersion', 'kind', e.body->'kind', 'metadata',"
          + " jsonb_set(e.body->'metadata', '{uid}', to_jsonb(e.id::text)), 'spec', e.body->'spec', 'relations',"
          + " coalesce((select json_agg(json_build_object('type', r.type, 'targetRef', r.target_ref)"
          + " order by r.type, r.target_ref) from (select distinct type, target_ref from catalog_relation"
          + " where source_ref = e.entity_ref) r), '[]'::json))::text";
  /**
   * The page and, in the same scan, the number of matches: one pass over the index instead of two. Only
   * the sort keys travel through the count and the sort; the wide rows are joined for the page alone.
   */
  private static final String PAGE = "(select e.id, e.name as sort_name, e.entity_ref as sort_ref, count(*) over () as total"
      + " from catalog_entity e%s order by e.name, e.entity_ref limit ? offset ?) p join catalog_entity e on e.id = p.id";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<LocationProblem>> PROBLEMS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private volatile Facets facets;
  /** Bumped on every change, so facets computed while the catalog changed are not kept. */
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

  JdbcCatalogQueries(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public Page<EntitySummary> find(EntityFilter filter, int offset, int limit) {
    Where where = where(filter);
    List<Object> args = new ArrayList<>(where.args());
    args.add(limit);
    args.add(offset);
    long[] total = {-1};
    List<EntitySummary> items = jdbc.query("select " + SUMMARY_COLUMNS + ", p.total from " + PAGE.formatted(where.sql())
        + " order by p.sort_name, p.sort_ref", (rs, i) -> {
          total[0] = rs.getLong("total");
          return summary(rs, i);
        }, args.toArray());
    return new Page<>(items, total(where, offset, items.size(), total[0]), offset, limit);
  }

  @Override
  public long count(EntityFilter filter) {
    Where where = where(filter);
    Long n = jdbc.queryForObject("select count(*) from catalog_entity e" + where.sql(), Long.class, where.args().toArray());
    return n == null ? 0 : n;
  }

  @Override
  public Page<byte[]> findJson(EntityFilter filter, int offset, int limit) {
    Where where = where(filter);
    List<Object> args = new ArrayList<>(where.args());
    args.add(limit);
    args.add(offset);
    long[] total = {-1};
    // getBytes on a text column hands over the UTF-8 bytes PostgreSQL sent, with no decoding
    List<byte[]> items = jdbc.query("select " + ENTITY_JSON + ", p.total from " + PAGE.formatted(where.sql())
        + " order by p.sort_name, p.sort_ref",
        (rs, i) -> {
          total[0] = rs.getLong(2);
          return rs.getBytes(1);
        }, args.toArray());
    return new Page<>(items, total(where, offset, items.size(), total[0]), offset, limit);
  }

  /** The window count comes with every row; a page past the end has no row to carry it, so count then. */
  private long total(Where where, int offset, int returned, long counted) {
    if (returned > 0) {
      return counted;
    }
    if (offset == 0) {
      return 0;
    }
    Long n = jdbc.queryForObject("select count(*) from catalog_entity e" + where.sql(), Long.class, where.args().toArray());
    return n == null ? 0 : n;
  }

  @Override
  public Optional<byte[]> getJson(EntityRef ref) {
    return jdbc.query("select " + ENTITY_JSON + " from catalog_entity e where entity_ref = ?",
        (rs, i) -> rs.getBytes(1), ref.toString()).stream().findFirst();
  }

  @Override
  public Optional<EntityDetails> get(EntityRef ref) {
    List<EntityDetails> found = jdbc.query(
        "select " + SUMMARY_COLUMNS + ", e.body::text, e.errors::text, e.source_path, e.source_url, e.updated_at,"
            + " l.id, l.type, l.target, l.status, l.message, l.errors::text"
            + " from catalog_entity e join catalog_location l on l.id = e.location_id where e.entity_ref = ?",
        (rs, i) -> details(rs), ref.toString());
    return found.stream().findFirst();
  }

  private EntityDetails details(ResultSet rs) throws SQLException {
    EntitySummary summary = summary(rs, 0);
    Map<String, Object> body = json.readValue(rs.getString(13), MAP);
    List<String> problems = new ArrayList<>(json.readValue(rs.getString(14), STRINGS));
    String path = rs.getString(15);
    if ("error".equals(rs.getString(21)) && rs.getString(22) != null) {
      problems.add("Its source could not be read at the last refresh, so this is the last good version: "
          + rs.getString(22));
    }
    for (LocationProblem p : json.readValue(rs.getString(23), PROBLEMS)) {
      if (path.equals(p.file()) && p.entity() == null) {
        problems.add(p.toString());
      }
    }
    EntityDetails.Source source = new EntityDetails.Source(rs.getString(18), rs.getString(19), rs.getString(20),
        path, rs.getString(16));
    return new EntityDetails(summary, body, relations(summary.ref()), problems, source,
        rs.getTimestamp(17).toInstant());
  }

  private List<EntityDetails.RelationView> relations(String ref) {
    return jdbc.query("select r.type, r.target_ref, t.title, t.entity_ref is not null from (select distinct type,"
            + " target_ref from catalog_relation where source_ref = ?) r left join catalog_entity t on t.entity_ref ="
            + " r.target_ref order by r.type, r.target_ref",
        (rs, i) -> new EntityDetails.RelationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
        ref);
  }

  @Override
  public Facets facets() {
    Facets current = facets;
    if (current == null) {
      long seen = generation.get();
      current = new Facets(
          distinct("select distinct kind from catalog_entity order by 1"),
          distinct("select distinct spec_type from catalog_entity where spec_type is not null order by 1"),
          distinct("select distinct owner_ref from catalog_entity where owner_ref is not null order by 1"),
          distinct("select distinct lifecycle from catalog_entity where lifecycle is not null order by 1"),
          distinct("select distinct system_ref from catalog_entity where system_ref is not null order by 1"),
          distinct("select distinct unnest(tags) from catalog_entity order by 1"));
      facets = current;
      if (generation.get() != seen) {
        facets = null; // the catalog changed while these were computed
      }
    }
    return current;
  }

  @EventListener(CatalogChanged.class)
  void forgetFacets() {
    generation.incrementAndGet();
    facets = null;
  }

  private List<String> distinct(String sql) {
    return jdbc.queryForList(sql + " limit 1000", String.class);
  }

  private EntitySummary summary(ResultSet rs, int row) throws SQLException {
    Array tags = rs.getArray(11);
    return new EntitySummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()), rs.getBoolean(12));
  }

  private record Where(String sql, List<Object> args) {}

  private static Where where(EntityFilter f) {
    List<String> clauses = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    any(clauses, args, "kind", f.kinds());
    any(clauses, args, "spec_type", f.types());
    any(clauses, args, "owner_ref", refs(f.owners(), "group"));
    any(clauses, args, "lifecycle", f.lifecycles());
    any(clauses, args, "system_ref", refs(f.systems(), "system"));
    if (!f.tags().isEmpty()) {
      clauses.add("tags @> ?::text[]");
      args.add(arrayLiteral(f.tags()));
    }
    if (f.text() != null) {
      for (String word : f.text().toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!word.isEmpty()) {
          clauses.add("search_text like ? escape '\\'");
          args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
      }
    }
    return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), args);
  }

  private static void any(List<String> clauses, List<Object> args, String column, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() == 1) {
      clauses.add(column + " = ?");
      args.add(values.get(0));
    } else {
      clauses.add(column + " = any(?::text[])");
      args.add(arrayLiteral(values));
    }
  }

  /** Filters accept {@code team-a}, {@code group:team-a} or {@code group:default/team-a}. */
  private static List<String> refs(List<String> values, String defaultKind) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      try {
        out.add(EntityRef.parse(v, defaultKind, EntityRef.DEFAULT_NAMESPACE).toString());
      } catch (IllegalArgumentException e) {
        out.add(v);
      }
    }
    return out;
  }

  /** A PostgreSQL array literal; each element quoted and escaped. */
  private static String arrayLiteral(List<String> values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }

  @Override
  public List<String> refsOfLocation(String locationId) {
    java.util.UUID id;
    try {
      id = java.util.UUID.fromString(locationId);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return jdbc.queryForList("select entity_ref from catalog_entity where location_id = ? order by source_path, entity_ref",
        String.class, id);
  }
}
