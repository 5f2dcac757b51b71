package dev.paved.goldenpaths.engine.actions;

import dev.paved.plugin.scaffolder.ActionContext;
import dev.paved.plugin.scaffolder.ActionException;
import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.List;
import java.util.Map;

/** {@code fs:rename} and {@code fs:delete}, on the workspace only. */
public final class FsActions {
  private FsActions() {}

  /** Moves files or folders: {@code files: [{from, to, overwrite}]}. */
  public static ScaffolderAction rename() {
    return new ScaffolderAction() {
      @Override
      public String id() {
        return "fs:rename";
      }

      @Override
      public String description() {
        return "Renames files or folders in the workspace";
      }

      @Override
      public Map<String, Object> inputSchema() {
        return Schemas.parse("""
            {"type": "object", "required": ["files"], "properties": {"files": {"type": "array", "items": {
              "type": "object", "required": ["from", "to"], "properties": {
                "from": {"type": "string"}, "to": {"type": "string"}, "overwrite": {"type": "boolean"}}}}}}
            """);
      }

      @Override
      public boolean supportsDryRun() {
        return true;
      }

      @Override
      public void run(ActionContext context) throws ActionException {
        for (Object o : (List<?>) context.input().get("files")) {
          Map<?, ?> f = (Map<?, ?>) o;
          String from = (String) f.get("from");
          String to = (String) f.get("to");
          if (!Boolean.TRUE.equals(f.get("overwrite")) && context.workspace().read(to).isPresent()) {
            throw new ActionException(to + " exists; set overwrite: true to replace it");
          }
          context.workspace().move(from, to);
          context.log("renamed " + from + " to " + to);
        }
      }
    };
  }

  /** Deletes files or folders: {@code files: [path]}. */
  public static ScaffolderAction delete() {
    return new ScaffolderAction() {
      @Override
      public String id() {
        return "fs:delete";
      }

      @Override
      public String description() {
        return "Deletes files or folders from the workspace";
      }

      @Override
      public Map<String, Object> inputSchema() {
        return Schemas.parse("""
            {"type": "object", "required": ["files"], "properties": {"files": {"type": "array", "items": {"type": "string"}}}}
            """);
      }

      @Override
      public boolean supportsDryRun() {
        return true;
      }

      @Override
      public void run(ActionContext context) {
        for (Object o : (List<?>) context.input().get("files")) {
          int n = context.workspace().delete((String) o);
          context.log("deleted " + o + (n == 1 ? "" : " (" + n + " files)"));
        }
      }
    };
  }
}
