package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.Relation;
import java.util.List;
import java.util.UUID;

/** A processed entity ready to be written, with the relations it declares. */
record EntityRow(
    UUID id,
    String ref,
    String kind,
    String namespace,
    String name,
    UUID locationId,
    String sourcePath,
    String sourceUrl,
    String bodyJson,
    String sourceHash,
    String title,
    String description,
    String specType,
    String lifecycle,
    String ownerRef,
    String systemRef,
    List<String> tags,
    String searchText,
    List<Relation> relations) {}
