package dev.paved.portal.catalog;

/** Published after a refresh, registration or removal changed what the catalog holds. */
public record CatalogChanged() {}
