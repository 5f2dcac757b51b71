package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.portal.deploy.DeploymentOperations;

/** Asks before an operation and reports how it went, on the page and as a notification. */
final class Confirm {
  /** An operation the user confirmed; it runs off the page's thread, so it must not touch components. */
  @FunctionalInterface
  interface Operation {
    DeploymentOperations.Result run() throws DeploymentException;
  }

  /** Reads the dialog's fields on the page's thread and returns the operation to run with them. */
  @FunctionalInterface
  interface Prepare {
    Operation prepare() throws DeploymentException;
  }

  /** Operations wait on Argo CD and Git: they run here, so the page stays responsive meanwhile. */
  private static final java.util.concurrent.Executor WORK = dev.paved.portal.deploy.Background.executor();

  private Confirm() {}

  /**
   * Opens a confirmation; on Yes runs the operation and writes its outcome into {@code outcome}.
   *
   * @param extra fields shown in the dialog (options such as prune), or null
   */
  static ConfirmDialog open(String header, String text, String confirmText, Component extra, Div outcome,
      Prepare operation, Runnable after) {
    ConfirmDialog dialog = new ConfirmDialog();
    dialog.setHeader(header);
    Div body = new Div(new Div(text));
    if (extra != null) {
      body.add(extra);
    }
    dialog.setText(body);
    dialog.setConfirmText(confirmText);
    dialog.setCancelable(true);
    dialog.setCancelText("Cancel");
    dialog.addConfirmListener(e -> run(operation, outcome, after));
    dialog.open();
    return dialog;
  }

  /**
   * Runs a confirmed operation in the background: the outcome says it is working, then what happened (pushed
   * to the page), and {@code after} runs on the page's thread once it is done.
   */
  static void run(Prepare prepare, Div outcome, Runnable after) {
    Operation operation;
    try {
      operation = prepare.prepare();
    } catch (DeploymentException e) {
      report(outcome, null, e);
      return;
    }
    UI ui = UI.getCurrent();
    show(outcome, "Working…", false);
    WORK.execute(() -> {
      DeploymentOperations.Result result = null;
      DeploymentException problem = null;
      try {
        result = operation.run();
      } catch (DeploymentException e) {
        problem = e;
      } catch (RuntimeException e) {
        problem = new DeploymentException(DeploymentException.Reason.FAILED, String.valueOf(e.getMessage()), e);
      }
      DeploymentOperations.Result done = result;
      DeploymentException failed = problem;
      ui.access(() -> {
        report(outcome, done, failed);
        after.run();
      });
    });
  }

  private static void report(Div outcome, DeploymentOperations.Result result, DeploymentException problem) {
    if (problem == null) {
      show(outcome, result.message(), false);
      Notification.show(result.message(), 5000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } else {
      show(outcome, problem.getMessage(), true);
      Notification.show(problem.getMessage(), 8000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  static void show(Div outcome, String message, boolean problem) {
    outcome.setText(message);
    outcome.setClassName("paved-problem", problem);
    outcome.setClassName("paved-outcome", !problem);
    outcome.setVisible(true);
  }
}
