package dev.paved.portal.access;

import dev.paved.plugin.scaffolder.Actor;
import java.util.Locale;
import java.util.Set;

/**
 * A signed-in user: who they are (their catalog reference, name and e-mail, as commits and the audit log name
 * them), their roles, and the catalog Groups they belong to ({@code group:default/team-payments}).
 *
 * @param actor who, for commits and the audit log
 * @param roles the portal roles the identity provider or the local account grants
 * @param groups catalog references of the user's groups
 */
public record PortalUser(Actor actor, Set<Role> roles, Set<String> groups) {

  public PortalUser {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  /** The user's catalog reference, such as {@code user:default/dana}. */
  public String ref() {
    return actor.ref();
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Platform engineers and admins: they may act on everything, whoever owns it. */
  public boolean isPlatformEngineer() {
    return has(Role.PLATFORM_ENGINEER) || has(Role.ADMIN);
  }

  /** Whether the user is, or is a member of, the owner a catalog reference names. */
  public boolean isOwner(String ownerRef) {
    String owner = groupRef(ownerRef);
    return owner != null && (owner.equals(ref()) || groups.contains(owner));
  }

  /**
   * A catalog reference in its full form: {@code team-payments} and {@code group:team-payments} become
   * {@code group:default/team-payments} (an owner without a kind is a Group, as in Backstage); null stays null.
   */
  public static String groupRef(String ref) {
    if (ref == null || ref.isBlank()) {
      return null;
    }
    String value = ref.strip().toLowerCase(Locale.ROOT);
    String kind = "group";
    int colon = value.indexOf(':');
    if (colon >= 0) {
      kind = value.substring(0, colon);
      value = value.substring(colon + 1);
    }
    return kind + ":" + (value.contains("/") ? value : "default/" + value);
  }
}
