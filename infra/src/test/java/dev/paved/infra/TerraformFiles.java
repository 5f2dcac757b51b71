package dev.paved.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small reader of Terraform's HCL, enough for the checks in {@link TerraformConfigurationTest}: no evaluation, only
 * the structure. Text becomes tokens (comments dropped; a quoted string or heredoc is one token that keeps the tokens
 * of its {@code ${...}} and {@code %{...}} parts, so references inside templates are seen and braces inside strings
 * never count), and tokens become a body of attributes ({@code name = expression}) and blocks
 * ({@code type "label" ... { body }}). An attribute's expression runs to the end of its line unless a bracket is
 * open, which is how HCL itself ends attributes.
 */
final class TerraformFiles {

  private TerraformFiles() {
  }

  enum Kind { IDENT, NUMBER, STRING, PUNCT, NEWLINE }

  /**
   * One token. A {@code STRING} (quoted or heredoc) has its literal text in {@code text}, each template part shown as
   * {@code ${…}}, and the tokens of those parts in {@code inner}; {@code template} says whether it has any.
   */
  record Token(Kind kind, String text, int line, List<Token> inner, boolean template) {

    boolean is(String punct) {
      return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isIdent(String name) {
      return kind == Kind.IDENT && text.equals(name);
    }

    @Override
    public String toString() {
      return kind == Kind.STRING ? '"' + text + '"' : kind == Kind.NEWLINE ? "\\n" : text;
    }
  }

  record Attribute(String name, List<Token> value, int line) {

    /** The value when it is one string without template parts. */
    Optional<String> literal() {
      List<Token> tokens = value.stream().filter(t -> t.kind() != Kind.NEWLINE).toList();
      return tokens.size() == 1 && tokens.getFirst().kind() == Kind.STRING && !tokens.getFirst().template()
          ? Optional.of(tokens.getFirst().text()) : Optional.empty();
    }

    /** Whether the value is exactly this one word, such as {@code true} or {@code null}. */
    boolean isWord(String word) {
      List<Token> tokens = value.stream().filter(t -> t.kind() != Kind.NEWLINE).toList();
      return tokens.size() == 1 && tokens.getFirst().isIdent(word);
    }
  }

  record Block(String type, List<String> labels, Body body, int line) {

    String label(int index) {
      return index < labels.size() ? labels.get(index) : "";
    }
  }

  record Body(List<Attribute> attributes, List<Block> blocks) {

    Optional<Attribute> attribute(String name) {
      return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    List<Block> blocks(String type) {
      return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }
  }

  /** One file: its text (for the checks that read text), its tokens and its top-level body. */
  record TfFile(String name, String text, List<Token> tokens, Body body) {
  }

  /** The {@code .tf} files of one directory: one Terraform module. */
  record TfDir(Path path, List<TfFile> files) {

    List<Block> blocks(String type) {
      return files.stream().flatMap(f -> f.body().blocks(type).stream()).toList();
    }

    /** Each file's blocks of a type, with the file, for messages. */
    List<Map.Entry<TfFile, Block>> blocksWithFile(String type) {
      return files.stream().flatMap(f -> f.body().blocks(type).stream().map(b -> Map.entry(f, b))).toList();
    }

    Optional<Block> variable(String name) {
      return blocks("variable").stream().filter(b -> b.label(0).equals(name)).findFirst();
    }
  }

  static TfFile parse(String name, String text) {
    List<Token> tokens = new Lexer(text, 1).all();
    return new TfFile(name, text, tokens, new Parser(name, tokens).file());
  }

  static TfDir load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<TfFile> parsed = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tf")).sorted().toList()) {
        parsed.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
      return new TfDir(dir, List.copyOf(parsed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every directory under root with {@code .tf} files, skipping Terraform's own {@code .terraform} folders. */
  static List<Path> moduleDirectories(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isDirectory).filter(d -> !insideDotTerraform(root, d)).filter(TerraformFiles::hasTfFiles)
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .tf}, {@code .tfvars} and {@code .tfvars.*} (such as {@code terraform.tfvars.example}) file. */
  static List<Path> configurationFiles(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).filter(f -> !insideDotTerraform(root, f)).filter(f -> {
        String name = f.getFileName().toString();
        return name.endsWith(".tf") || name.endsWith(".tfvars") || name.contains(".tfvars.");
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Terraform's working folder (providers, downloaded modules) is not configuration. */
  private static boolean insideDotTerraform(Path root, Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().equals(".terraform")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasTfFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".tf") && Files.isRegularFile(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tokens with each string's template tokens after it, at any depth: what references are looked for in. */
  static List<Token> flatten(List<Token> tokens) {
    List<Token> all = new ArrayList<>();
    for (Token token : tokens) {
      all.add(token);
      if (!token.inner().isEmpty()) {
        all.addAll(flatten(token.inner()));
      }
    }
    return all;
  }

  /** The names {@code x} of every {@code prefix.x} in the tokens, such as the variables of {@code var.x}. */
  static List<Map.Entry<String, Integer>> references(List<Token> tokens, String prefix) {
    List<Token> all = flatten(tokens);
    List<Map.Entry<String, Integer>> found = new ArrayList<>();
    for (int i = 0; i + 2 < all.size(); i++) {
      // not a.var.x: an attribute called var of something else
      boolean afterDot = i > 0 && all.get(i - 1).is(".");
      if (!afterDot && all.get(i).isIdent(prefix) && all.get(i + 1).is(".") && all.get(i + 2).kind() == Kind.IDENT) {
        found.add(Map.entry(all.get(i + 2).text(), all.get(i + 2).line()));
      }
    }
    return found;
  }

  /**
   * The entries of an object constructor such as {@code { source = "hashicorp/helm", version = "~> 3.1" }}, by key.
   * Empty when the value is not one; keys that are expressions ({@code (var.x) = ...}) are left out.
   */
  static Map<String, List<Token>> objectEntries(List<Token> tokens) {
    Map<String, List<Token>> entries = new LinkedHashMap<>();
    if (tokens.size() < 2 || !tokens.getFirst().is("{") || !tokens.getLast().is("}")) {
      return entries;
    }
    int i = 1;
    int end = tokens.size() - 1;
    while (i < end) {
      Token key = tokens.get(i);
      if (key.kind() == Kind.NEWLINE || key.is(",")) {
        i++;
        continue;
      }
      boolean named = (key.kind() == Kind.IDENT || key.kind() == Kind.STRING) && i + 1 < end
          && (tokens.get(i + 1).is("=") || tokens.get(i + 1).is(":"));
      int start = named ? i + 2 : i;
      int depth = 0;
      int j = start;
      for (; j < end; j++) {
        Token t = tokens.get(j);
        if (depth == 0 && (t.kind() == Kind.NEWLINE || t.is(","))) {
          break;
        }
        depth += opens(t) ? 1 : closes(t) ? -1 : 0;
      }
      if (named) {
        entries.put(key.text(), tokens.subList(start, j));
      }
      i = Math.max(j, i + 1);
    }
    return entries;
  }

  private static boolean opens(Token t) {
    return t.is("{") || t.is("[") || t.is("(");
  }

  private static boolean closes(Token t) {
    return t.is("}") || t.is("]") || t.is(")");
  }

  /** Turns text into tokens. Comments go; newlines stay, since they end attributes. */
  private static final class Lexer {

    private final String src;
    private final int firstLine;
    private int pos;
    private int line;

    Lexer(String src, int firstLine) {
      this.src = src;
      this.firstLine = firstLine;
      this.line = firstLine;
    }

    List<Token> all() {
      List<Token> tokens = lex(false);
      if (pos < src.length()) {
        throw error("unexpected }");
      }
      return tokens;
    }

    /** Tokens until the end, or (inside ${...}) until the brace that closes the template part. */
    private List<Token> lex(boolean untilClosingBrace) {
      List<Token> tokens = new ArrayList<>();
      int depth = 0;
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '\n') {
          tokens.add(new Token(Kind.NEWLINE, "\n", line, List.of(), false));
          pos++;
          line++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
          pos++;
        } else if (c == '#' || src.startsWith("//", pos)) {
          while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
          }
        } else if (src.startsWith("/*", pos)) {
          int end = src.indexOf("*/", pos + 2);
          if (end < 0) {
            throw error("unterminated /* comment");
          }
          line += (int) src.substring(pos, end).chars().filter(ch -> ch == '\n').count();
          pos = end + 2;
        } else if (c == '"') {
          pos++;
          tokens.add(quoted());
        } else if (src.startsWith("<<", pos) && heredocAhead()) {
          tokens.add(heredoc());
        } else if (Character.isLetter(c) || c == '_') {
          int start = pos;
          while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
              || src.charAt(pos) == '-')) {
            pos++;
          }
          tokens.add(new Token(Kind.IDENT, src.substring(start, pos), line, List.of(), false));
        } else if (Character.isDigit(c)) {
          int start = pos;
          // digits, and a fraction only when a digit follows the dot: list[0].name is an index, then an attribute
          while (pos < src.length() && (Character.isDigit(src.charAt(pos))
              || src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            pos++;
          }
          tokens.add(new Token(Kind.NUMBER, src.substring(start, pos), line, List.of(), false));
        } else {
          String op = operator();
          if (untilClosingBrace && op.equals("}") && depth == 0) {
            return tokens;
          }
          depth += op.equals("{") ? 1 : op.equals("}") ? -1 : 0;
          if (!untilClosingBrace && depth < 0) {
            // an unmatched } at the top: leave it for the caller to report
            pos--;
            return tokens;
          }
          tokens.add(new Token(Kind.PUNCT, op, line, List.of(), false));
        }
      }
      if (untilClosingBrace) {
        throw error("unterminated ${ in a string");
      }
      return tokens;
    }

    private String operator() {
      for (String op : List.of("...", "==", "!=", "<=", ">=", "=>", "&&", "||")) {
        if (src.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      return String.valueOf(src.charAt(pos++));
    }

    /** A quoted template, after its opening quote: ends at the first unescaped quote outside ${...}. */
    private Token quoted() {
      int startLine = line;
      StringBuilder text = new StringBuilder();
      List<Token> inner = new ArrayList<>();
      boolean template = false;
      while (true) {
        if (pos >= src.length() || src.charAt(pos) == '\n') {
          throw error("unterminated string");
        }
        char c = src.charAt(pos);
        if (c == '"') {
          pos++;
          return new Token(Kind.STRING, text.toString(), startLine, List.copyOf(inner), template);
        }
        if (c == '\\' && pos + 1 < src.length()) {
          text.append(c).append(src.charAt(pos + 1));
          pos += 2;
        } else if (templatePart(text, inner)) {
          template = true;
        } else {
          text.append(c);
          pos++;
        }
      }
    }

    /**
     * At ${ or %{: reads the part into inner and answers true. $${ and %%{ are escapes for the literal characters (and
     * answer false after taking them).
     */
    private boolean templatePart(StringBuilder text, List<Token> inner) {
      if (src.startsWith("$${", pos) || src.startsWith("%%{", pos)) {
        text.append(src.charAt(pos)).append('{');
        pos += 3;
        return false;
      }
      if (src.startsWith("${", pos) || src.startsWith("%{", pos)) {
        pos += 2;
        inner.addAll(lex(true));
        text.append("${…}");
        return true;
      }
      return false;
    }

    private boolean heredocAhead() {
      int p = pos + 2;
      if (p < src.length() && src.charAt(p) == '-') {
        p++;
      }
      return p < src.length() && (Character.isLetter(src.charAt(p)) || src.charAt(p) == '_');
    }

    /** {@code <<EOT} or {@code <<-EOT}, its lines up to the line that is only EOT; its body is a template. */
    private Token heredoc() {
      int startLine = line;
      pos += 2;
      if (src.charAt(pos) == '-') {
        pos++;
      }
      int start = pos;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String marker = src.substring(start, pos);
      int eol = src.indexOf('\n', pos);
      if (eol < 0 || !src.substring(pos, eol).isBlank()) {
        throw error("a heredoc's marker must end its line");
      }
      pos = eol + 1;
      line++;
      StringBuilder body = new StringBuilder();
      while (true) {
        if (pos >= src.length()) {
          throw error("heredoc " + marker + " is not closed");
        }
        int end = src.indexOf('\n', pos);
        String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
        pos = end < 0 ? src.length() : end;
        if (text.strip().equals(marker)) {
          break;
        }
        body.append(text).append('\n');
        pos++;
        line++;
      }
      // the body's template parts, read by a lexer of its own that ends at the end of the body
      Lexer bodyLexer = new Lexer(body.toString(), startLine + 1);
      StringBuilder text = new StringBuilder();
      List<Token> inner = new ArrayList<>();
      boolean template = false;
      while (bodyLexer.pos < bodyLexer.src.length()) {
        if (bodyLexer.templatePart(text, inner)) {
          template = true;
        } else if (bodyLexer.pos < bodyLexer.src.length()) {
          char c = bodyLexer.src.charAt(bodyLexer.pos++);
          bodyLexer.line += c == '\n' ? 1 : 0;
          text.append(c);
        }
      }
      return new Token(Kind.STRING, text.toString(), startLine, List.copyOf(inner), template);
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("line " + line + ": " + message + " (lexing from line " + firstLine + ")");
    }
  }

  /** Turns tokens into a body of attributes and blocks. */
  private static final class Parser {

    private final String file;
    private final List<Token> tokens;
    private int i;

    Parser(String file, List<Token> tokens) {
      this.file = file;
      this.tokens = tokens;
    }

    Body file() {
      Body body = body(false);
      if (i < tokens.size()) {
        throw error(tokens.get(i), "unexpected " + tokens.get(i));
      }
      return body;
    }

    private Body body(boolean nested) {
      List<Attribute> attributes = new ArrayList<>();
      List<Block> blocks = new ArrayList<>();
      while (true) {
        while (i < tokens.size() && tokens.get(i).kind() == Kind.NEWLINE) {
          i++;
        }
        if (i >= tokens.size()) {
          if (nested) {
            throw error(tokens.getLast(), "a block is not closed");
          }
          return new Body(List.copyOf(attributes), List.copyOf(blocks));
        }
        Token name = tokens.get(i);
        if (nested && name.is("}")) {
          i++;
          return new Body(List.copyOf(attributes), List.copyOf(blocks));
        }
        if (name.kind() != Kind.IDENT) {
          throw error(name, "expected an attribute or a block, not " + name);
        }
        i++;
        if (i < tokens.size() && tokens.get(i).is("=")) {
          i++;
          attributes.add(new Attribute(name.text(), expression(), name.line()));
        } else {
          List<String> labels = new ArrayList<>();
          while (i < tokens.size() && (tokens.get(i).kind() == Kind.STRING || tokens.get(i).kind() == Kind.IDENT)) {
            labels.add(tokens.get(i++).text());
          }
          if (i >= tokens.size() || !tokens.get(i).is("{")) {
            throw error(name, "expected = or { after " + name.text());
          }
          i++;
          blocks.add(new Block(name.text(), List.copyOf(labels), body(true), name.line()));
        }
      }
    }

    /** An attribute's value: to the end of the line, or of the block on a one-line block, with brackets balanced. */
    private List<Token> expression() {
      int start = i;
      int depth = 0;
      for (; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (depth == 0 && (t.kind() == Kind.NEWLINE || t.is("}"))) {
          break;
        }
        depth += opens(t) ? 1 : closes(t) ? -1 : 0;
      }
      if (depth != 0) {
        throw error(tokens.get(start), "a bracket is not closed");
      }
      return List.copyOf(tokens.subList(start, i));
    }

    private IllegalArgumentException error(Token at, String message) {
      return new IllegalArgumentException(file + ":" + at.line() + ": " + message);
    }
  }
}
