package dev.paved.portal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.portal.catalog.internal.DescriptorParser.ParsedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorParserTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = DescriptorParserTest.class.getResourceAsStream("/descriptors/" + name)) {
      return in.readAllBytes();
    }
  }

  static List<ParsedDocument> parse(String yaml) {
    List<ParsedDocument> docs = new ArrayList<>();
    DescriptorParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml").forEach(docs::add);
    return docs;
  }

  @Test
  void readsEveryDocumentOfAMultiDocumentFileWithItsLine() throws IOException {
    List<ParsedDocument> docs = new ArrayList<>();
    DescriptorParser.parse(resource("all-kinds.yaml"), "all-kinds.yaml").forEach(docs::add);
    assertThat(docs).hasSize(10).allMatch(ParsedDocument::ok);
    assertThat(docs.get(0).tree().get("kind")).isEqualTo("Component");
    assertThat(docs.get(0).line()).isEqualTo(2);
    assertThat(docs.get(1).line()).isEqualTo(27);
    assertThat(docs.get(9).tree().get("kind")).isEqualTo("Pipeline");
  }

  @Test
  void emptyDocumentsBetweenSeparatorsAreSkipped() {
    assertThat(parse("---\n---\nkind: A\n---\n")).hasSize(1);
  }

  @Test
  void aSyntaxErrorStopsTheFileButKeepsTheDocumentsBeforeIt() {
    List<ParsedDocument> docs = parse("kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: [unclosed\n---\nkind: C\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).ok()).isTrue();
    assertThat(docs.get(1).ok()).isFalse();
    assertThat(docs.get(1).error()).startsWith("invalid YAML at line ").contains("line 6");
  }

  @Test
  void aDocumentThatIsNotAMappingIsReportedAndTheNextOneStillRead() {
    List<ParsedDocument> docs = parse("- just\n- a list\n---\nkind: B\n");
    assertThat(docs.get(0).error()).contains("document 1 is not a mapping");
    assertThat(docs.get(1).ok()).isTrue();
  }

  @Test
  void duplicateKeysAreRefused() {
    List<ParsedDocument> docs = parse("kind: A\nkind: B\n");
    assertThat(docs.get(0).ok()).isFalse();
    assertThat(docs.get(0).error()).containsIgnoringCase("duplicate");
  }

  @Test
  void anAliasBombIsRefusedQuickly() throws IOException {
    long start = System.nanoTime();
    List<ParsedDocument> docs = new ArrayList<>();
    DescriptorParser.parse(resource("alias-bomb.yaml"), "alias-bomb.yaml").forEach(docs::add);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).error()).contains("too many YAML aliases");
    assertThat(System.nanoTime() - start).as("refused without expanding").isLessThan(5_000_000_000L);
  }

  @Test
  void anAliasBombWithFewAliasesIsRefusedByItsExpansion() {
    // 26 aliases, under the alias limit, that would expand to 2^25 lists of ten values
    StringBuilder yaml = new StringBuilder("kind: Bomb\nspec:\n  a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n");
    for (int i = 1; i <= 25; i++) {
      yaml.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    List<ParsedDocument> docs = parse(yaml.toString());
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).error()).contains("alias bombs are refused");
  }

  @Test
  void ordinaryAnchorsAndMergesStillWork() {
    ParsedDocument doc = parse("kind: A\ndefaults: &d {owner: team}\nspec:\n  <<: *d\n  type: service\n").get(0);
    assertThat(doc.ok()).isTrue();
    assertThat(doc.tree().get("spec").toString()).contains("owner=team").contains("type=service");
  }

  @Test
  void customTagsDoNotConstructObjects() {
    List<ParsedDocument> docs = parse("kind: !!java.lang.ProcessBuilder [\"id\"]\n");
    assertThat(docs.get(0).ok()).isFalse();
  }

  @Test
  void keysBecomeStrings() {
    ParsedDocument doc = parse("kind: A\nspec:\n  200: ok\n  true: yes\n").get(0);
    @SuppressWarnings("unchecked")
    var spec = (java.util.Map<String, Object>) doc.tree().get("spec");
    assertThat(spec).containsKeys("200", "true");
  }
}
