/**
 * The golden-path engine: loads templates and renders their skeletons safely.
 *
 * <p>Templates are reviewed code written by a platform team; the answers a developer types are data.
 * The renderer keeps it that way: FreeMarker is configured to reach nothing but maps, lists and scalars,
 * the constructs that could run code or read files ({@code ?eval}, {@code ?interpret}, {@code ?api},
 * {@code ?new}, includes outside the template) are refused when a template is loaded, and file names
 * are rendered segment by segment so an answer can never place a file outside the output.
 */
package dev.paved.goldenpaths.engine;
