package dev.paved.portal.settings;

import java.time.Instant;
import java.util.List;

/** The runtime settings: everyone signed in reads them; only admins change them. */
public interface Settings {

  /** Every setting with its current value, in the order of their sections. */
  List<SettingView> list();

  /**
   * The current value: the admin's override, or the configured default.
   *
   * @throws IllegalArgumentException for a key no feature defines
   */
  String value(String key);

  /**
   * Overrides a setting.
   *
   * @throws dev.paved.portal.access.PermissionDenied unless the caller is an admin
   * @throws IllegalArgumentException for an unknown key or an invalid value, saying what is allowed
   */
  SettingView set(String key, String value);

  /** Goes back to the configured default. Same refusals as {@link #set}. */
  SettingView reset(String key);

  /**
   * A setting as shown.
   *
   * @param overridden whether an admin's value is in force rather than the configuration's
   * @param updatedBy who last changed it (null while never overridden)
   */
  record SettingView(String key, String section, String label, String description, List<String> choices, int min,
      int max, String value, String configured, boolean overridden, String updatedBy, Instant updatedAt) {}
}
