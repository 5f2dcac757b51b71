package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.portal.deploy.DeploymentOperations;

/** Asks before an operation and reports how it went, on the page and as a notification. */
final class Confirm {
  /** An operation the user confirmed. */
  @FunctionalInterface
  interface Operation {
    DeploymentOperations.Result run() throws DeploymentException;
  }

  private Confirm() {}

  /**
   * Opens a confirmation; on Yes runs the operation and writes its outcome into {@code outcome}.
   *
   * @param extra fields shown in the dialog (options such as prune), or null
   */
  static ConfirmDialog open(String header, String text, String confirmText, Component extra, Div outcome,
      Operation operation, Runnable after) {
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

  static void run(Operation operation, Div outcome, Runnable after) {
    try {
      DeploymentOperations.Result result = operation.run();
      show(outcome, result.message(), false);
      Notification.show(result.message(), 5000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (DeploymentException e) {
      show(outcome, e.getMessage(), true);
      Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    after.run();
  }

  static void show(Div outcome, String message, boolean problem) {
    outcome.setText(message);
    outcome.setClassName("paved-problem", problem);
    outcome.setClassName("paved-outcome", !problem);
    outcome.setVisible(true);
  }
}
