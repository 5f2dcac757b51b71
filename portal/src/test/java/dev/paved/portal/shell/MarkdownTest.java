package dev.paved.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Descriptions are Markdown, and a descriptor cannot put script in the page through one. */
class MarkdownTest {

  @Test
  void markdownRendersWithExternalLinks() {
    assertThat(Markdown.html("Pays **orders**; see [the runbook](https://wiki.acme.example/pay)."))
        .contains("<strong>orders</strong>")
        .contains("href=\"https://wiki.acme.example/pay\"").contains("target=\"_blank\"")
        .contains("rel=\"nofollow noopener noreferrer\"");
  }

  @Test
  void rawHtmlIsShownAsTextAndScriptLinksAreDropped() {
    String html = Markdown.html("""
        <script>alert(1)</script>
        <img src=x onerror="alert(2)">
        [click](javascript:alert(3)) ![x](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=)
        <a href="javascript:alert(5)">a</a> <iframe src="https://evil.example"></iframe>
        """);

    assertThat(html).doesNotContain("<script", "<img src=x", "<iframe", "<a href=\"javascript", "href=\"data:text/html")
        .doesNotContainIgnoringCase("src=\"javascript").doesNotContainIgnoringCase("href=\"javascript");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=");
  }
}
