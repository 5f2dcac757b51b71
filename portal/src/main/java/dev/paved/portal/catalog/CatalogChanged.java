package dev.paved.portal.catalog;

import dev.paved.portal.operations.ClusterEvent;

/**
 * Published after a refresh, registration or removal changed what the catalog holds; every replica hears it
 * and drops what it cached of the catalog.
 */
public record CatalogChanged() implements ClusterEvent {}
