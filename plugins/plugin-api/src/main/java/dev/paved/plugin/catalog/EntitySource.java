package dev.paved.plugin.catalog;

/**
 * Where an entity was read from.
 *
 * @param locationType the location's type, such as {@code git} or {@code file}
 * @param locationTarget the registered target of the location the entity belongs to
 * @param path the file path inside the location's source
 * @param displayUrl a human-readable address of the file, for links and messages
 */
public record EntitySource(String locationType, String locationTarget, String path, String displayUrl) {}
