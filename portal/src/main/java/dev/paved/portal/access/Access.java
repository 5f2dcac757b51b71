package dev.paved.portal.access;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The portal's permission rules, asked by the services before they change anything (the pages only hide what
 * these would refuse):
 * <ul>
 *   <li>everybody signed in browses the catalog, the golden paths, deployments and tasks;</li>
 *   <li>developers create services owned by a group they belong to, and operate services (and act on tasks)
 *       their groups own;</li>
 *   <li>platform engineers do all of that for every owner, manage catalog locations (golden paths arrive
 *       through them) and read the audit log;</li>
 *   <li>admins may do everything platform engineers may, and manage settings.</li>
 * </ul>
 */
@Service
public class Access {

  /** Whether the user has the permission, for what the owner ({@code group:default/team-payments}) owns. */
  public boolean allows(PortalUser user, Permission permission, String owner) {
    return switch (permission) {
      case BROWSE_CATALOG -> true;
      case SCAFFOLD -> user.isPlatformEngineer() || (user.has(Role.DEVELOPER) && (owner == null || user.isOwner(owner)));
      case OPERATE, MANAGE_TASKS -> user.isPlatformEngineer() || (user.has(Role.DEVELOPER) && user.isOwner(owner));
      case MANAGE_CATALOG_LOCATIONS, VIEW_AUDIT_LOG, VIEW_OPERATIONS -> user.isPlatformEngineer();
      case MANAGE_SETTINGS -> user.has(Role.ADMIN);
    };
  }

  /** {@link #allows} for permissions granted by role alone. */
  public boolean allows(PortalUser user, Permission permission) {
    return allows(user, permission, null);
  }

  /**
   * Refuses unless the user has the permission.
   *
   * @param what what the user asked for, in words, for the message ("Roll back payments-api in prod")
   * @throws PermissionDenied saying which permission is missing and who has it
   */
  public void require(PortalUser user, Permission permission, String owner, String what) {
    refusal(user, permission, owner, what).ifPresent(message -> {
      throw new PermissionDenied(permission, message);
    });
  }

  /** Why the user may not do it (the message {@link #require} would refuse with), or empty when they may. */
  public java.util.Optional<String> refusal(PortalUser user, Permission permission, String owner, String what) {
    return allows(user, permission, owner) ? java.util.Optional.empty()
        : java.util.Optional.of(what + " is not allowed: " + missing(user, permission, owner));
  }

  /** {@link #require} for permissions granted by role alone. */
  public void require(PortalUser user, Permission permission, String what) {
    require(user, permission, null, what);
  }

  /**
   * Runs work on the executor as the user who hands it over, so a service called from a background thread
   * still knows who asked.
   */
  public static Executor carry(Executor executor) {
    // the context (and the holder strategy Vaadin installs) are read when the work is handed over, not when
    // the executor was made: a static executor may predate the strategy
    return task -> executor.execute(DelegatingSecurityContextRunnable.create(task, SecurityContextHolder.getContext()));
  }

  private static String missing(PortalUser user, Permission permission, String owner) {
    String roles = user.roles().isEmpty() ? "no portal role"
        : "the role " + user.roles().stream().map(Role::id).sorted().collect(Collectors.joining(", "));
    if (!permission.ownerScoped()) {
      String who = permission == Permission.MANAGE_SETTINGS ? "the admin role" : "the platform-engineer or admin role";
      return "it needs the permission to " + permission.description() + ", which " + who + " grants; "
          + user.actor().name() + " has " + roles + ".";
    }
    String full = PortalUser.groupRef(owner);
    if (full == null) {
      return "it needs the permission to " + permission.description() + " an owner the catalog does not know, which"
          + " only the platform-engineer or admin role grants; give the service an owner in its catalog-info.yaml.";
    }
    if (!user.has(Role.DEVELOPER) && !user.isPlatformEngineer()) {
      return "it needs the developer role and membership of " + full + " (or the platform-engineer role); "
          + user.actor().name() + " has " + roles + ".";
    }
    return "it needs the permission to " + permission.description() + " " + full + ": membership of " + full
        + " or the platform-engineer role; " + user.actor().name() + " is a member of " + groups(user.groups()) + ".";
  }

  private static String groups(Set<String> groups) {
    return groups.isEmpty() ? "no group"
        : groups.stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
  }
}
