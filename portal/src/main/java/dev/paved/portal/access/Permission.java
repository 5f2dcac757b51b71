package dev.paved.portal.access;

/**
 * What a user may be allowed to do. Developers act on what their groups own; platform engineers on everything
 * and on the portal's content; admins on its settings too.
 */
public enum Permission {
  BROWSE_CATALOG("browse the catalog"),
  SCAFFOLD("create a service owned by"),
  OPERATE("operate services owned by"),
  MANAGE_TASKS("act on tasks for services owned by"),
  /** Also how golden paths arrive: a platform engineer registers the location of their templates. */
  MANAGE_CATALOG_LOCATIONS("manage catalog locations (and with them the golden paths)"),
  VIEW_AUDIT_LOG("view the audit log"),
  VIEW_OPERATIONS("see the portal's replicas and scheduled jobs"),
  MANAGE_SETTINGS("manage settings");

  private final String description;

  Permission(String description) {
    this.description = description;
  }

  /** What the permission lets one do, in words; owner-scoped ones end before the owner. */
  public String description() {
    return description;
  }

  /** Whether the permission is granted per owner (the team that owns a service) rather than by role alone. */
  public boolean ownerScoped() {
    return this == SCAFFOLD || this == OPERATE || this == MANAGE_TASKS;
  }
}
