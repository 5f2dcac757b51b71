package dev.paved.portal.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The portal's roles, as named in Keycloak's realm roles and in local accounts. An admin may do everything a
 * platform engineer may; a platform engineer everything a developer may.
 */
public enum Role {
  DEVELOPER("developer"),
  PLATFORM_ENGINEER("platform-engineer"),
  ADMIN("admin");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The name in tokens and configuration, such as {@code platform-engineer}. */
  public String id() {
    return id;
  }

  /** The Spring Security authority, such as {@code ROLE_platform-engineer}. */
  public String authority() {
    return "ROLE_" + id;
  }

  /** The role a token or configuration names, if it is one of the portal's. */
  public static Optional<Role> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
  }
}
