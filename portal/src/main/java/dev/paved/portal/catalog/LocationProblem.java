package dev.paved.portal.catalog;

/**
 * A problem found while reading a location: in a file, in one document of it, or in one entity.
 *
 * @param file the file's path in the location's source, or {@code null} for the location itself
 * @param document the document's number in a multi-document file (from 1), or 0
 * @param line the line where the document or error starts, or 0
 * @param entity the entity's reference when known
 * @param message what is wrong
 */
public record LocationProblem(String file, int document, int line, String entity, String message) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    if (entity != null) {
      sb.append(entity).append(": ");
    }
    return sb.append(message).toString();
  }
}
