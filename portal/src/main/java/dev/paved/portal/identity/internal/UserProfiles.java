package dev.paved.portal.identity.internal;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.access.Role;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the portal last learnt about each user at sign-in (roles and groups from Keycloak or the local
 * account), so a personal access token acts with its owner's current permissions, not the ones they had when
 * the token was made.
 */
@Component
class UserProfiles {
  private final JdbcTemplate jdbc;
  /** What was last written per user, so a bearer token on every request does not write each time. */
  private final Map<String, PortalUser> written = new ConcurrentHashMap<>();

  UserProfiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the user as they signed in. */
  void signedIn(PortalUser user, String source) {
    if (user.equals(written.get(user.ref()))) {
      return;
    }
    jdbc.update("""
        insert into portal_user (ref, name, email, roles, groups, source, last_sign_in_at)
        values (?, ?, ?, ?, ?, ?, now())
        on conflict (ref) do update set name = excluded.name, email = excluded.email, roles = excluded.roles,
          groups = excluded.groups, source = excluded.source, last_sign_in_at = now()""",
        user.ref(), user.actor().name(), user.actor().email(),
        user.roles().stream().map(Role::id).sorted().toArray(String[]::new),
        user.groups().stream().sorted().toArray(String[]::new), source);
    written.put(user.ref(), user);
  }

  /** The user as they last signed in. */
  Optional<PortalUser> find(String ref) {
    return jdbc.query("select ref, name, email, roles, groups from portal_user where ref = ?", (rs, n) -> new PortalUser(
        new Actor(rs.getString(1), rs.getString(2), rs.getString(3)),
        strings(rs.getArray(4)).stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet()),
        strings(rs.getArray(5))), ref).stream().findFirst();
  }

  private static Set<String> strings(Array array) throws SQLException {
    return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
  }
}
