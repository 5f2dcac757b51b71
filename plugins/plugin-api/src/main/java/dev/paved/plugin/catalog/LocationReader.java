package dev.paved.plugin.catalog;

/**
 * Reads catalog files from one type of location, such as a Git repository or a folder.
 *
 * <p>The catalog resolves relative targets ({@code ./api/catalog-info.yaml}) and refuses paths that
 * escape the source before it calls {@link SourceSnapshot#read}, so a reader only reads.
 */
public interface LocationReader {

  /** The location type handled, such as {@code git} or {@code file}. */
  String type();

  /**
   * Checks a target when it is registered, before anything is read.
   *
   * @throws LocationException with a message telling the user what to fix
   */
  default void checkTarget(String target) throws LocationException {}

  /**
   * Opens a consistent snapshot of the location's source (a Git commit, a folder).
   *
   * @throws LocationException when the source cannot be reached or read, with a message telling the
   *     user what failed and what to do
   */
  SourceSnapshot open(String target) throws LocationException;

  /**
   * Opens a source for a one-off look before anything is registered. Readers that keep caches override
   * this to leave nothing behind; by default it is {@link #open}.
   */
  default SourceSnapshot preview(String target) throws LocationException {
    return open(target);
  }
}
