package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.goldenpaths.Scaffolder.State;
import dev.paved.portal.goldenpaths.Scaffolder.TaskView;
import dev.paved.portal.access.CurrentUser;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A scaffolder task as it runs: each step with its state and duration, the live log, and at the end the
 * links to what it made. A failed, cancelled or interrupted task offers Retry and Undo; a running one,
 * Cancel. Any browser opening the page sees the same task, updated as it changes.
 */
@jakarta.annotation.security.PermitAll
@Route("tasks/:id")
public class TaskPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Scaffolder scaffolder;
  private final CurrentUser currentUser;
  private final TaskEvents events;
  private final H2 heading = new H2();
  private final Span state = new Span();
  private final Span meta = new Span();
  private final Div problem = new Div();
  private final HorizontalLayout actions = new HorizontalLayout();
  private final Grid<Scaffolder.Step> steps = new Grid<>(Scaffolder.Step.class, false);
  private final Pre log = new Pre();
  private final Div outputs = new Div();
  private UUID id;
  private String title = "Task · Paved";
  private Registration subscription;

  public TaskPage(Scaffolder scaffolder, CurrentUser currentUser, TaskEvents events) {
    this.scaffolder = scaffolder;
    this.currentUser = currentUser;
    this.events = events;
    setMaxWidth("1200px");
    heading.setId("task-title");
    state.setId("task-state");
    state.getElement().getThemeList().add("badge");
    meta.addClassName("paved-muted");
    problem.setId("task-problem");
    problem.addClassName("paved-problem");
    steps.setId("task-steps");
    steps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    steps.addColumn(Scaffolder.Step::name).setHeader("Step").setAutoWidth(true);
    steps.addColumn(Scaffolder.Step::action).setHeader("Action").setAutoWidth(true);
    steps.addColumn(Scaffolder.Step::state).setHeader("State").setAutoWidth(true);
    steps.addColumn(TaskPage::duration).setHeader("Took").setAutoWidth(true);
    steps.addColumn(s -> s.error() == null ? "" : s.error()).setHeader("Problem").setFlexGrow(3);
    steps.setAllRowsVisible(true);
    log.setId("task-log");
    log.addClassName("paved-code");
    log.setWidthFull();
    log.getStyle().set("max-height", "28em").set("overflow", "auto").set("white-space", "pre-wrap")
        .set("overflow-wrap", "anywhere");
    outputs.setId("task-outputs");
    add(heading, new HorizontalLayout(state, meta), problem, actions, outputs, new H3("Steps"), steps, new H3("Log"), log);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
    } catch (IllegalArgumentException e) {
      id = null;
    }
    refresh();
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    if (id != null) {
      subscription = events.subscribe(id, attach.getUI(), this::refresh);
      refresh(); // anything that happened between the first render and the subscription
    }
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (subscription != null) {
      subscription.remove();
      subscription = null;
    }
  }

  private void refresh() {
    Optional<TaskView> found = id == null ? Optional.empty() : scaffolder.get(id);
    if (found.isEmpty()) {
      title = "Task not found · Paved";
      heading.setText("Task not found");
      problem.setText("There is no task " + (id == null ? "with this address" : id) + ".");
      return;
    }
    TaskView task = found.get();
    String name = task.answers().get("name") instanceof String n ? n : task.template();
    title = name + " · " + task.state() + " · Paved";
    heading.setText("Create " + name);
    state.setText(task.state());
    state.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
    state.getElement().getThemeList().add(switch (task.state()) {
      case State.SUCCEEDED, State.UNDONE -> "success";
      case State.FAILED, State.UNDO_FAILED, State.INTERRUPTED -> "error";
      default -> "contrast";
    });
    meta.setText("golden path " + task.template() + " v" + task.templateVersion() + " · started by "
        + task.createdByName() + " at " + TIME.format(task.createdAt())
        + (task.finishedAt() == null ? "" : " · took " + seconds(Duration.between(task.createdAt(), task.finishedAt()))));
    problem.setText(task.error() == null ? "" : task.error());
    problem.setVisible(task.error() != null);
    steps.setItems(task.steps());
    log.setText(task.log().stream().map(l -> TIME.format(l.at()) + (l.stepId() == null ? "" : " [" + l.stepId() + "]")
        + " " + l.line()).collect(Collectors.joining("\n")));
    log.getElement().executeJs("this.scrollTop = this.scrollHeight");
    showActions(task);
    showOutputs(task);
  }

  private void showActions(TaskView task) {
    actions.removeAll();
    if (State.RECOVERABLE.contains(task.state())) {
      Button retry = new Button("Retry from the failed step", e -> act(() -> scaffolder.retry(id, currentUser.user())));
      retry.setId("task-retry");
      retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      Button undo = new Button("Undo everything it did", e -> confirm("Undo this task?",
          "Deletes what it created (" + undoable(task) + ") and cannot be taken back.",
          () -> scaffolder.undo(id, currentUser.user())));
      undo.setId("task-undo");
      undo.addThemeVariants(ButtonVariant.LUMO_ERROR);
      actions.add(retry, undo);
    } else if (task.state().equals(State.RUNNING) || task.state().equals(State.QUEUED)) {
      Button cancel = new Button("Cancel", e -> confirm("Cancel this task?",
          "It stops after the step that is running; you can then undo what it did, or retry it.",
          () -> scaffolder.cancel(id, currentUser.user())));
      cancel.setId("task-cancel");
      actions.add(cancel);
    }
  }

  private static String undoable(TaskView task) {
    String steps = task.steps().stream().filter(Scaffolder.Step::hasUndo).map(Scaffolder.Step::name)
        .collect(Collectors.joining(", "));
    return steps.isEmpty() ? "nothing was created outside the portal" : steps;
  }

  private void confirm(String header, String text, Runnable action) {
    ConfirmDialog dialog = new ConfirmDialog(header, text, "Yes", e -> act(action));
    dialog.setCancelable(true);
    dialog.setCancelText("No");
    dialog.open();
  }

  private void act(Runnable action) {
    try {
      action.run();
    } catch (GoldenPathException | dev.paved.portal.access.PermissionDenied e) {
      problem.setText(e.getMessage());
      problem.setVisible(true);
    }
    refresh();
  }

  private void showOutputs(TaskView task) {
    outputs.removeAll();
    if (!task.state().equals(State.SUCCEEDED)) {
      return;
    }
    if (task.output().get("links") instanceof List<?> links) {
      for (Object o : links) {
        if (o instanceof Map<?, ?> link) {
          if (link.get("url") instanceof String url && SafeLinks.isWebUrl(url)) {
            Anchor a = new Anchor(url, String.valueOf(link.get("title")));
            a.getElement().setAttribute("data-output", "link");
            outputs.add(new Div(a));
          } else if (link.get("entityRef") instanceof String ref && ref.matches("[a-z0-9-]+:[a-z0-9-]+/[a-z0-9.-]+")) {
            String[] kind = ref.split(":", 2);
            String[] ns = kind[1].split("/", 2);
            Anchor a = new Anchor("catalog/" + kind[0] + "/" + ns[0] + "/" + ns[1], link.get("title") + " (" + ref + ")");
            a.setId("task-entity-link");
            outputs.add(new Div(a));
          }
        }
      }
    }
    if (task.output().get("text") instanceof List<?> texts) {
      for (Object o : texts) {
        if (o instanceof Map<?, ?> t && t.get("content") instanceof String content) {
          Paragraph p = new Paragraph(t.get("title") + ": ");
          p.add(new com.vaadin.flow.component.html.Code(content));
          outputs.add(p);
        }
      }
    }
  }

  private static String duration(Scaffolder.Step step) {
    if (step.startedAt() == null || step.finishedAt() == null) {
      return "";
    }
    return seconds(Duration.between(step.startedAt(), step.finishedAt()));
  }

  private static String seconds(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : String.format("%.1f s", d.toMillis() / 1000.0);
  }

  @Override
  public String getPageTitle() {
    return title;
  }

  /** Only plain web addresses become links; a template's output cannot smuggle in javascript: URLs. */
  static final class SafeLinks {
    private SafeLinks() {}

    static boolean isWebUrl(String url) {
      return url.startsWith("https://") || url.startsWith("http://");
    }
  }
}
