package dev.paved.portal.identity;

import dev.paved.plugin.scaffolder.Actor;

/**
 * Who is using the portal. Until sign-in arrives this is the one local user from {@code paved.local-user};
 * every service that records or authorises asks here, so sign-in changes only this.
 */
public interface CurrentUser {

  Actor get();
}
