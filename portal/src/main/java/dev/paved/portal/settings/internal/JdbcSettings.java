package dev.paved.portal.settings.internal;

import dev.paved.portal.access.Access;
import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.Permission;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.audit.AuditLog;
import dev.paved.portal.settings.SettingDefinition;
import dev.paved.portal.settings.Settings;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overrides kept in the database (so every replica sees the same value at once, and a restart keeps them),
 * defaults from configuration. Values are read per use rather than cached: a setting is read once per
 * operation, and a cache would go stale on the other replicas.
 */
@Service
class JdbcSettings implements Settings {
  private final JdbcTemplate jdbc;
  private final Access access;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Map<String, SettingDefinition> definitions = new LinkedHashMap<>();

  JdbcSettings(JdbcTemplate jdbc, Access access, CurrentUser currentUser, AuditLog audit,
      List<SettingDefinition> definitions) {
    this.jdbc = jdbc;
    this.access = access;
    this.currentUser = currentUser;
    this.audit = audit;
    definitions.stream().sorted(Comparator.comparing(SettingDefinition::section).thenComparing(SettingDefinition::key))
        .forEach(d -> {
          if (this.definitions.put(d.key(), d) != null) {
            throw new IllegalStateException("two features define the setting " + d.key());
          }
        });
  }

  private record Stored(String value, String updatedBy, Timestamp updatedAt) {}

  private Optional<Stored> stored(String key) {
    return jdbc.query("select value, updated_by, updated_at from portal_setting where key = ?",
        (rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getTimestamp(3)), key).stream().findFirst();
  }

  private SettingDefinition definition(String key) {
    SettingDefinition definition = definitions.get(key);
    if (definition == null) {
      throw new IllegalArgumentException("there is no setting " + key + "; the settings are "
          + String.join(", ", definitions.keySet()));
    }
    return definition;
  }

  @Override
  public List<SettingView> list() {
    return definitions.values().stream().map(d -> view(d, stored(d.key()))).toList();
  }

  @Override
  public String value(String key) {
    SettingDefinition definition = definition(key);
    // a stored value that a newer release no longer accepts falls back to the configuration
    return stored(key).map(Stored::value).filter(v -> definition.problem(v).isEmpty())
        .orElseGet(definition.configured());
  }

  @Override
  @Transactional
  public SettingView set(String key, String value) {
    PortalUser user = requireAdmin(key);
    SettingDefinition definition = definition(key);
    String clean = value == null ? null : value.strip();
    definition.problem(clean).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    String before = value(key);
    jdbc.update("""
        insert into portal_setting (key, value, updated_by, updated_at) values (?, ?, ?, now())
        on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()""",
        key, clean, user.ref());
    audit.record(user.ref(), "settings.change", "setting:" + key, "success", Map.of("before", before, "after", clean));
    return view(definition, stored(key));
  }

  @Override
  @Transactional
  public SettingView reset(String key) {
    PortalUser user = requireAdmin(key);
    SettingDefinition definition = definition(key);
    String before = value(key);
    jdbc.update("delete from portal_setting where key = ?", key);
    audit.record(user.ref(), "settings.reset", "setting:" + key, "success",
        Map.of("before", before, "after", definition.configured().get()));
    return view(definition, Optional.empty());
  }

  private PortalUser requireAdmin(String key) {
    PortalUser user = currentUser.user();
    access.require(user, Permission.MANAGE_SETTINGS, "Changing the setting " + key);
    return user;
  }

  private SettingView view(SettingDefinition d, Optional<Stored> stored) {
    String configured = d.configured().get();
    boolean overridden = stored.isPresent() && d.problem(stored.get().value()).isEmpty();
    return new SettingView(d.key(), d.section(), d.label(), d.description(), d.choices(), d.min(), d.max(),
        overridden ? stored.get().value() : configured, configured, overridden,
        stored.map(Stored::updatedBy).orElse(null), stored.map(s -> s.updatedAt().toInstant()).orElse(null));
  }
}
