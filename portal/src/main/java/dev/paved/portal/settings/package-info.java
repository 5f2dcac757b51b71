/**
 * Settings admins change while the portal runs (the rest is configuration): features contribute
 * {@link dev.paved.portal.settings.SettingDefinition}s with their configured defaults, admins override them on
 * the Settings page or over REST, and every change is audited with its value before and after.
 */
package dev.paved.portal.settings;
