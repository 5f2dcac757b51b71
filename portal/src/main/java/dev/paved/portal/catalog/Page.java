package dev.paved.portal.catalog;

import java.util.List;

/** One page of results and the total count matching the query. */
public record Page<T>(List<T> items, long total, int offset, int limit) {}
