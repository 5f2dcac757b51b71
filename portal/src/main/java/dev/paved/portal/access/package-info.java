/**
 * Who is asking and what they may do. Every feature asks {@link dev.paved.portal.access.CurrentUser} who
 * the caller is and {@link dev.paved.portal.access.Access} whether they may act; the rules follow the
 * catalog's ownership (the team that owns a service operates it) and three roles. This package depends on no
 * other feature, so every feature (the audit log included) can enforce it in its services.
 */
package dev.paved.portal.access;
