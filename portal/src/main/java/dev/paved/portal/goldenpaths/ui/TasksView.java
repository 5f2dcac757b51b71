package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.access.CurrentUser;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** My tasks or everybody's, newest first, filterable by state; a row opens the task. */
@jakarta.annotation.security.PermitAll
@Route("tasks")
@PageTitle("Tasks · Paved")
public class TasksView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private static final String MINE = "Mine";
  private static final String ALL = "Everybody's";
  private static final String ANY = "any state";

  private final Scaffolder scaffolder;
  private final CurrentUser currentUser;
  private final TaskEvents events;
  private final RadioButtonGroup<String> whose = new RadioButtonGroup<>();
  private final Select<String> state = new Select<>();
  private final Grid<Scaffolder.TaskSummary> grid = new Grid<>(Scaffolder.TaskSummary.class, false);
  private Registration subscription;

  public TasksView(Scaffolder scaffolder, CurrentUser currentUser, TaskEvents events) {
    this.scaffolder = scaffolder;
    this.currentUser = currentUser;
    this.events = events;
    whose.setItems(MINE, ALL);
    whose.setValue(MINE);
    whose.setId("tasks-whose");
    List<String> states = new ArrayList<>(List.of(ANY));
    states.addAll(List.of(Scaffolder.State.RUNNING, Scaffolder.State.SUCCEEDED, Scaffolder.State.FAILED,
        Scaffolder.State.CANCELLED, Scaffolder.State.INTERRUPTED, Scaffolder.State.UNDONE, Scaffolder.State.UNDO_FAILED));
    state.setItems(states);
    state.setValue(ANY);
    state.setLabel("State");
    state.setId("tasks-state");
    whose.addValueChangeListener(e -> load());
    state.addValueChangeListener(e -> load());
    grid.setId("tasks-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT);
    grid.addColumn(Scaffolder.TaskSummary::title).setHeader("What").setAutoWidth(true);
    grid.addColumn(t -> t.template() + " v" + t.templateVersion()).setHeader("Golden path").setAutoWidth(true);
    grid.addColumn(Scaffolder.TaskSummary::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(Scaffolder.TaskSummary::createdBy).setHeader("By").setAutoWidth(true);
    grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Started").setAutoWidth(true);
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskPage.class,
        new RouteParameters(Map.of("id", e.getItem().id().toString())))));
    add(new H2("Tasks"), new HorizontalLayout(whose, state), grid);
    load();
  }

  private void load() {
    String createdBy = MINE.equals(whose.getValue()) ? currentUser.get().ref() : null;
    String s = ANY.equals(state.getValue()) ? null : state.getValue();
    grid.setItems(scaffolder.list(new Scaffolder.TaskFilter(createdBy, s, 200)));
  }

  @Override
  protected void onAttach(AttachEvent attach) {
    subscription = events.subscribe(null, attach.getUI(), this::load);
  }

  @Override
  protected void onDetach(DetachEvent detach) {
    if (subscription != null) {
      subscription.remove();
    }
  }
}
