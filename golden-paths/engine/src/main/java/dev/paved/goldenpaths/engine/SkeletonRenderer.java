package dev.paved.goldenpaths.engine;

import freemarker.cache.StringTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders a golden path's skeleton (its files, by path relative to the skeleton root) with the
 * developer's answers into an in-memory file tree. Nothing is written to disk here.
 *
 * <p>File contents use FreeMarker's {@code ${values.name}} syntax, except in files where {@code ${}}
 * already means something (CI workflows, shell scripts, Makefiles: see {@link Options}), which use the
 * square-bracket syntax {@code [=values.name]} and {@code [#if ...]}. File and folder names are
 * rendered one segment at a time; a segment may render to several folders ({@code com/acme/app}) but
 * each must be a plain name, never empty, {@code .} or {@code ..}, so no answer can move a file outside
 * the output. Files ending in {@value #PARTIAL_SUFFIX} are partials for {@code <#include>} only.
 */
public final class SkeletonRenderer {
  /** Files with this suffix are partials: other skeleton files include them; they are not output. */
  public static final String PARTIAL_SUFFIX = ".ftl";

  /**
   * How to render.
   *
   * @param targetPath a folder inside the output to render into ({@code ""} for the root)
   * @param copyWithoutTemplating globs of files whose contents are copied as they are (names are still
   *     rendered)
   * @param squareBracketSyntax globs of files rendered with {@code [=...]} and {@code [#...]}
   */
  public record Options(String targetPath, List<String> copyWithoutTemplating, List<String> squareBracketSyntax) {
    public static final List<String> DEFAULT_SQUARE_BRACKET =
        List.of(".github/**", ".gitlab-ci.yml", "**/*.sh", "**/Makefile", "**/Jenkinsfile");

    public static Options defaults() {
      return new Options("", List.of(), DEFAULT_SQUARE_BRACKET);
    }
  }

  /** A rendered file. */
  public record RenderedFile(String path, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** Reads a skeleton folder into the form {@link #render} takes. */
  public static Map<String, byte[]> readDirectory(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /**
   * Checks every templated file and file name for refused constructs.
   *
   * @throws TemplateRefusedException listing each with its file and line
   */
  public void check(Map<String, byte[]> skeleton, Options options) {
    Globs raw = new Globs(options.copyWithoutTemplating());
    List<SafetyViolation> violations = new ArrayList<>();
    for (var e : skeleton.entrySet()) {
      violations.addAll(TemplateSafety.scan(e.getKey() + " (file name)", e.getKey()));
      String text = utf8(e.getValue());
      if (text != null && !raw.matches(e.getKey())) {
        violations.addAll(TemplateSafety.scan(e.getKey(), text));
      }
    }
    if (!violations.isEmpty()) {
      throw new TemplateRefusedException(violations);
    }
  }

  /**
   * Renders the skeleton.
   *
   * @param values the answers and computed values, visible to templates as {@code values}; maps, lists,
   *     strings, numbers and booleans only
   * @throws TemplateRefusedException when the skeleton uses refused constructs
   * @throws RenderException naming the file and line that could not be rendered
   */
  public List<RenderedFile> render(Map<String, byte[]> skeleton, Map<String, ?> values, Options options) {
    check(skeleton, options);
    Configuration cfg = configuration(skeleton);
    Globs raw = new Globs(options.copyWithoutTemplating());
    Globs square = new Globs(options.squareBracketSyntax());
    Map<String, Object> model = new HashMap<>(Escapers.asFunctions());
    model.put("values", values);
    String target = options.targetPath() == null ? "" : normalise(options.targetPath(), "targetPath");
    Map<String, RenderedFile> out = new LinkedHashMap<>();
    for (var e : skeleton.entrySet()) {
      String source = e.getKey();
      if (source.endsWith(PARTIAL_SUFFIX)) {
        continue; // a partial is included by other files, not produced itself
      }
      String path = renderPath(source, cfg, model, square.matches(source));
      String full = target.isEmpty() ? path : target + "/" + path;
      String text = utf8(e.getValue());
      byte[] content = text == null || raw.matches(source)
          ? e.getValue()
          : renderText(source, text, cfg, model, square.matches(source)).getBytes(StandardCharsets.UTF_8);
      if (out.put(full, new RenderedFile(full, content)) != null) {
        throw new RenderException(source, 0, "renders to " + full + ", which another skeleton file also renders to", null);
      }
    }
    return List.copyOf(out.values());
  }

  private static Configuration configuration(Map<String, byte[]> skeleton) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    // includes read from the skeleton itself and nowhere else
    StringTemplateLoader loader = new StringTemplateLoader();
    skeleton.forEach((path, bytes) -> {
      String text = utf8(bytes);
      if (text != null) {
        loader.putTemplate(path, text);
      }
    });
    cfg.setTemplateLoader(loader);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setLocale(Locale.ROOT);
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    return cfg;
  }

  private static String renderText(String name, String text, Configuration cfg, Map<String, Object> model,
      boolean squareBrackets) {
    try {
      TemplateConfiguration syntax = new TemplateConfiguration();
      syntax.setParentConfiguration(cfg);
      if (squareBrackets) {
        syntax.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        syntax.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
      }
      Template template = new Template(name, name, new StringReader(text), cfg, syntax, "UTF-8");
      StringWriter writer = new StringWriter(text.length() + 64);
      template.process(model, writer);
      return writer.toString();
    } catch (TemplateException e) {
      throw new RenderException(name, e.getLineNumber() == null ? 0 : e.getLineNumber(),
          e.getMessageWithoutStackTop(), e);
    } catch (IOException e) {
      // ParseException is an IOException: a syntax error in the skeleton
      int line = e instanceof freemarker.core.ParseException p ? p.getLineNumber() : 0;
      throw new RenderException(name, line, e.getMessage(), e);
    }
  }

  private static String renderPath(String source, Configuration cfg, Map<String, Object> model, boolean squareBrackets) {
    List<String> segments = new ArrayList<>();
    for (String segment : splitPath(source)) {
      String rendered = segment.contains("${") || segment.contains("[=") || segment.contains("<#") || segment.contains("[#")
          ? renderText(source + " (file name)", segment, cfg, model, squareBrackets && !segment.contains("${"))
          : segment;
      // a segment may become several folders (a Java package as com/acme/app), each of them a plain name
      for (String part : rendered.split("/", -1)) {
        if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\") || part.indexOf('\0') >= 0
            || part.length() > 255) {
          throw new RenderException(source, 0, "the file name segment '" + segment + "' renders to '"
              + abbreviate(rendered) + "', which is not a plain file or folder name", null);
        }
        segments.add(part);
      }
    }
    return String.join("/", segments);
  }

  /** Splits a skeleton path at the slashes outside {@code ${...}} and {@code [=...]} expressions. */
  private static List<String> splitPath(String path) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if ((c == '$' || c == '[') && i + 1 < path.length() && (path.charAt(i + 1) == '{' || path.charAt(i + 1) == '=')) {
        depth++;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
      } else if (c == '/' && depth == 0) {
        segments.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    segments.add(current.toString());
    return segments;
  }

  private static String normalise(String path, String what) {
    Deque<String> parts = new ArrayDeque<>();
    for (String segment : path.replace('\\', '/').split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (parts.isEmpty()) {
          throw new RenderException(what, 0, "'" + path + "' points outside the output", null);
        }
        parts.removeLast();
      } else {
        parts.addLast(segment);
      }
    }
    return String.join("/", parts);
  }

  /** The text of a file, or {@code null} for binary content (copied as it is). */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
