package dev.paved.portal.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads multi-document YAML descriptor files, lazily, one document at a time, so a 30 MB file with
 * 100,000 entities never sits in memory as a whole tree.
 *
 * <p>Safe by construction: no custom tags or object construction (SnakeYAML Engine builds only maps,
 * lists and scalars), duplicate keys refused, at most {@value #MAX_ALIASES} aliases per document (a
 * "billion laughs" alias bomb fails fast), and the file size is capped by the caller.
 */
final class DescriptorParser {
  static final int MAX_ALIASES = 50;

  private DescriptorParser() {}

  /** One document of a file: either a tree or the reason it could not be read. */
  record ParsedDocument(int index, int line, Map<String, Object> tree, String error) {
    boolean ok() {
      return error == null;
    }
  }

  /**
   * Parses the documents of a file. A syntax error ends the iteration with one error document, because
   * YAML cannot resynchronise after it; documents before it are still returned.
   */
  static Iterable<ParsedDocument> parse(byte[] content, String label) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(Math.max(content.length, 1) + 16)
            .build();
    return () -> new DocumentIterator(settings, content);
  }

  /** Parses a single-document YAML text, such as the target of a {@code $yaml} substitution. */
  static Object parseSingle(byte[] content, String label) {
    for (ParsedDocument doc : parse(content, label)) {
      if (!doc.ok()) {
        throw new IllegalArgumentException(doc.error());
      }
      return doc.tree();
    }
    return null;
  }

  private static final class DocumentIterator implements Iterator<ParsedDocument> {
    private final Composer composer;
    private final StandardConstructor constructor;
    private int index;
    private ParsedDocument next;
    private boolean finished;
    /**
     * Values the file may expand to. Without aliases a file holds fewer values than bytes; aliases to
     * collections are built as shared objects, so expanding them (as copying a document does) is
     * counted against this budget and an alias bomb fails before it fills memory.
     */
    private long budget;

    DocumentIterator(LoadSettings settings, byte[] content) {
      var reader =
          new StreamReader(
              settings,
              new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
      this.composer = new Composer(settings, new ParserImpl(settings, reader));
      this.constructor = new StandardConstructor(settings);
      this.budget = content.length + 10_000L;
    }

    @Override
    public boolean hasNext() {
      while (next == null && !finished) {
        advance();
      }
      return next != null;
    }

    @Override
    public ParsedDocument next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ParsedDocument result = next;
      next = null;
      return result;
    }

    private void advance() {
      int docIndex = ++index;
      int line = 0;
      try {
        if (!composer.hasNext()) {
          finished = true;
          return;
        }
        Node node = composer.next();
        line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        Object value = constructor.constructSingleDocument(Optional.of(node));
        if (value == null) {
          return; // an empty document between two "---" is allowed and ignored
        }
        if (!(value instanceof Map<?, ?> map)) {
          next =
              new ParsedDocument(
                  docIndex, line, null, "document " + docIndex + " is not a mapping of fields (apiVersion, kind, metadata, spec)");
          return;
        }
        try {
          next = new ParsedDocument(docIndex, line, copy(map), null);
        } catch (ExpansionException e) {
          finished = true;
          next = new ParsedDocument(docIndex, line, null,
              "the document expands to more values than the file could hold without aliases; alias bombs are refused");
        }
      } catch (MarkedYamlEngineException e) {
        finished = true;
        int errorLine = e.getProblemMark().map(m -> m.getLine() + 1).orElse(line);
        next = new ParsedDocument(docIndex, errorLine, null, describe(e, errorLine));
      } catch (YamlEngineException e) {
        finished = true;
        String message = firstLine(e.getMessage());
        next = new ParsedDocument(docIndex, line, null, message.contains("aliases")
            ? "too many YAML aliases (more than " + MAX_ALIASES + "); alias bombs are refused"
            : "invalid YAML: " + message);
      }
    }

    /** YAML allows any scalar as a key; descriptors are JSON-like, so keys become strings. */
    private Map<String, Object> copy(Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), normalise(e.getValue()));
      }
      return out;
    }

    private Object normalise(Object value) {
      if (--budget < 0) {
        throw new ExpansionException();
      }
      if (value instanceof Map<?, ?> m) {
        return copy(m);
      }
      if (value instanceof List<?> l) {
        var out = new java.util.ArrayList<Object>(l.size());
        for (Object o : l) {
          out.add(normalise(o));
        }
        return out;
      }
      if (value instanceof byte[]) {
        return "<binary>";
      }
      if (value instanceof java.util.Set<?> set) {
        var out = new java.util.ArrayList<Object>(set.size());
        for (Object o : set) {
          out.add(normalise(o));
        }
        return out;
      }
      return value;
    }
  }

  /** Thrown when copying a document exceeds the file's value budget. */
  private static final class ExpansionException extends RuntimeException {
    ExpansionException() {
      super(null, null, false, false);
    }
  }

  private static String describe(MarkedYamlEngineException e, int line) {
    String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
    if (problem.contains("aliases")) {
      problem = "too many YAML aliases (more than " + MAX_ALIASES + "); alias bombs are refused";
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return "invalid YAML at line " + line + ": " + context + problem;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
