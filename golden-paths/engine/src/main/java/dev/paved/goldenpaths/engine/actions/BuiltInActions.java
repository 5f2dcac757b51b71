package dev.paved.goldenpaths.engine.actions;

import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.List;

/** The actions the engine brings; publishing, catalog and Argo CD actions plug in beside them. */
public final class BuiltInActions {
  private BuiltInActions() {}

  public static List<ScaffolderAction> all() {
    return List.of(FetchTemplateAction.template(), FetchTemplateAction.plain(), FsActions.rename(), FsActions.delete(),
        CheckActions.helmLint(), CheckActions.policyCheck());
  }
}
