package dev.paved.portal.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A registered location and the outcome of its last refresh.
 *
 * @param status {@code pending}, {@code ok}, {@code warning} (some files or entities had problems) or
 *     {@code error} (the source could not be read; the last good entities are kept)
 */
public record LocationView(
    String id,
    String type,
    String target,
    String origin,
    String status,
    String message,
    List<LocationProblem> problems,
    int entityCount,
    Instant refreshedAt) {}
