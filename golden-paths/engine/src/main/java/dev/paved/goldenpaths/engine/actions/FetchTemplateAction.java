package dev.paved.goldenpaths.engine.actions;

import dev.paved.goldenpaths.engine.InMemoryWorkspace;
import dev.paved.goldenpaths.engine.SkeletonRenderer;
import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code fetch:template}: renders a skeleton folder of the template with {@code values} into the
 * workspace, or with {@code plain} set copies it as it is ({@code fetch:plain}).
 */
public final class FetchTemplateAction implements ScaffolderAction {
  private final boolean plain;
  private final SkeletonRenderer renderer = new SkeletonRenderer();

  private FetchTemplateAction(boolean plain) {
    this.plain = plain;
  }

  public static FetchTemplateAction template() {
    return new FetchTemplateAction(false);
  }

  public static FetchTemplateAction plain() {
    return new FetchTemplateAction(true);
  }

  @Override
  public String id() {
    return plain ? "fetch:plain" : "fetch:template";
  }

  @Override
  public String description() {
    return plain ? "Copies a folder of the template into the workspace as it is"
        : "Renders a skeleton folder of the template with values into the workspace";
  }

  @Override
  public Map<String, Object> inputSchema() {
    return Schemas.parse(plain ? """
        {"type": "object", "required": ["url"], "additionalProperties": false, "properties": {
          "url": {"type": "string", "description": "the folder in the template, e.g. ./skeleton"},
          "targetPath": {"type": "string"}}}
        """ : """
        {"type": "object", "required": ["url"], "additionalProperties": false, "properties": {
          "url": {"type": "string", "description": "the skeleton folder in the template, e.g. ./skeleton"},
          "values": {"type": "object"},
          "targetPath": {"type": "string"},
          "copyWithoutTemplating": {"type": "array", "items": {"type": "string"}}}}
        """);
  }

  @Override
  public boolean supportsDryRun() {
    return true;
  }

  @Override
  public void run(ActionContext context) throws ActionException {
    String url = (String) context.input().get("url");
    if (url.contains("://")) {
      throw new ActionException("url '" + url + "' is remote; a skeleton must be a folder of the template");
    }
    String folder;
    try {
      folder = url.equals(".") || url.equals("./") ? "" : InMemoryWorkspace.normalise(url);
    } catch (IllegalArgumentException e) {
      throw new ActionException("url '" + url + "' must be a folder inside the template");
    }
    Map<String, byte[]> skeleton = new TreeMap<>();
    String prefix = folder.isEmpty() ? "" : folder + "/";
    context.templateFiles().forEach((path, bytes) -> {
      if (path.startsWith(prefix)) {
        skeleton.put(path.substring(prefix.length()), bytes);
      }
    });
    if (skeleton.isEmpty()) {
      throw new ActionException("the template has no files under " + url);
    }
    String target = context.input().get("targetPath") instanceof String t ? t : "";
    if (plain) {
      for (var e : skeleton.entrySet()) {
        context.workspace().write(target.isEmpty() ? e.getKey() : target + "/" + e.getKey(), e.getValue());
      }
      context.log("copied " + skeleton.size() + " files from " + url);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = context.input().get("values") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    @SuppressWarnings("unchecked")
    List<String> raw = context.input().get("copyWithoutTemplating") instanceof List<?> l ? (List<String>) l : List.of();
    var files = renderer.render(skeleton, values,
        new SkeletonRenderer.Options(target, raw, SkeletonRenderer.Options.DEFAULT_SQUARE_BRACKET));
    for (var f : files) {
      context.workspace().write(f.path(), f.content());
    }
    context.log("rendered " + files.size() + " files from " + url + (target.isEmpty() ? "" : " into " + target));
  }
}
