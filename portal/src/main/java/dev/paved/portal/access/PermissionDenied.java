package dev.paved.portal.access;

/**
 * A user asked for something they may not do. The message names the permission that is missing and how to get
 * it; the REST API answers 403 with it, pages show it.
 */
public class PermissionDenied extends RuntimeException {
  private final transient Permission permission;

  public PermissionDenied(Permission permission, String message) {
    super(message);
    this.permission = permission;
  }

  public Permission permission() {
    return permission;
  }
}
