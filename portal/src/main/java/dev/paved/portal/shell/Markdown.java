package dev.paved.portal.shell;

import com.vaadin.flow.component.html.Div;
import java.util.Map;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown from catalog files and golden paths (descriptions), rendered so a descriptor cannot inject script:
 * raw HTML in the source is shown as text, and links or images whose address is not http(s), mailto or an
 * image's data are dropped (no {@code javascript:}). Links open as external, without the portal as referrer.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
        if (node instanceof Link) {
          attributes.putAll(Map.of("rel", "nofollow noopener noreferrer", "target", "_blank"));
        }
      }).build();

  private Markdown() {}

  /** The HTML for a Markdown text: safe to put in a page as is. */
  public static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
  }

  /** A block showing the rendered text. */
  public static Div of(String markdown) {
    Div div = new Div();
    div.addClassName("paved-markdown");
    div.getElement().setProperty("innerHTML", html(markdown));
    return div;
  }
}
