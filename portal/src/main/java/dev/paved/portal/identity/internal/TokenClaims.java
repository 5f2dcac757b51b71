package dev.paved.portal.identity.internal;

import dev.paved.plugin.scaffolder.Actor;
import dev.paved.portal.access.PortalUser;
import dev.paved.portal.access.Role;
import dev.paved.portal.identity.SignInProperties;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads the user from Keycloak's claims, the same for the sign-in's ID token and the REST API's access
 * tokens: {@code preferred_username} becomes {@code user:default/<name>}, the roles claim the portal's roles
 * (realm roles outside the portal's three are ignored), the groups claim catalog Groups (a Keycloak group
 * {@code team-payments}, or {@code /team-payments} with full paths on, is {@code group:default/team-payments}).
 */
final class TokenClaims {
  /** What may become a catalog name; anything else in a claim is dropped rather than trusted. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private TokenClaims() {}

  static PortalUser user(Map<String, Object> claims, SignInProperties.Oidc oidc) {
    String username = string(claims.get("preferred_username")).orElseGet(() -> string(claims.get("sub")).orElse(""));
    String name = string(claims.get("name")).orElse(username);
    String email = string(claims.get("email")).orElse(username + "@users.noreply.paved");
    Set<Role> roles = strings(claims.get(oidc.rolesClaim())).stream().map(Role::of).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    if (roles.isEmpty() && claims.get("realm_access") instanceof Map<?, ?> realm) {
      roles = strings(realm.get("roles")).stream().map(Role::of).flatMap(Optional::stream).collect(Collectors.toSet());
    }
    Set<String> groups = strings(claims.get(oidc.groupsClaim())).stream().map(TokenClaims::groupName)
        .flatMap(Optional::stream).map(g -> "group:default/" + g).collect(Collectors.toSet());
    return new PortalUser(new Actor("user:default/" + catalogName(username), name, email), roles, groups);
  }

  /** The Spring Security authorities of a user: one per role, for Vaadin's view annotations. */
  static List<GrantedAuthority> authorities(PortalUser user) {
    return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
  }

  static String catalogName(String username) {
    String lower = username.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(lower).matches()) {
      throw new IllegalArgumentException("user name '" + username + "' cannot name a catalog User: use lower-case"
          + " letters, digits, '.', '_' and '-'");
    }
    return lower;
  }

  private static Optional<String> groupName(String group) {
    String last = group.substring(group.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return NAME.matcher(last).matches() ? Optional.of(last) : Optional.empty();
  }

  private static Optional<String> string(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static Set<String> strings(Object value) {
    if (value instanceof Collection<?> c) {
      return c.stream().filter(String.class::isInstance).map(String.class::cast)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
    return value instanceof String s ? Set.of(s) : Set.of();
  }
}
