/**
 * Catalog extension points.
 *
 * <p>The catalog reads Backstage-format descriptor files from <em>locations</em>. A {@link
 * dev.paved.plugin.catalog.LocationReader} turns a location target (a Git repository, a folder) into a
 * {@link dev.paved.plugin.catalog.SourceSnapshot} the catalog reads files from. Each entity read is passed
 * through the registered {@link dev.paved.plugin.catalog.CatalogProcessor}s in order: they may rewrite the
 * entity, report validation problems and emit relations.
 *
 * <p>Lifecycle: implementations are created once at start-up (as Spring beans or through {@link
 * java.util.ServiceLoader}) and are called concurrently from the refresh threads, so they must be
 * stateless or thread-safe.
 */
package dev.paved.plugin.catalog;
