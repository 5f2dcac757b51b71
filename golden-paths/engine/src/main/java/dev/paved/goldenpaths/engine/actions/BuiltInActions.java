package dev.paved.goldenpaths.engine.actions;

import dev.paved.plugin.scaffolder.ScaffolderAction;
import java.util.List;

/** The actions the engine brings; publishing, catalog and Argo CD actions plug in beside them. */
public final class BuiltInActions {
  private BuiltInActions() {}

  /** The built-in actions, with {@code git:resolve} assuming {@code https://<host>/<owner>/<repo>.git}. */
  public static List<ScaffolderAction> all() {
    return all((host, owner, repo) -> java.util.Optional.empty());
  }

  /** The built-in actions, with {@code git:resolve} asking the given resolver first. */
  public static List<ScaffolderAction> all(GitResolveAction.Resolver gitHosts) {
    return List.of(FetchTemplateAction.template(), FetchTemplateAction.plain(), FsActions.rename(), FsActions.delete(),
        CheckActions.helmLint(), CheckActions.policyCheck(), new GitResolveAction(gitHosts));
  }
}
