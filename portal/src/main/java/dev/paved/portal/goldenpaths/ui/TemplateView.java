package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.goldenpaths.DryRunResult;
import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.GoldenPathSummary;
import dev.paved.portal.goldenpaths.GoldenPaths;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.git.GitHosts;
import dev.paved.portal.access.CurrentUser;

/**
 * One golden path: its form, and a Preview that renders it in memory and shows the file tree, each
 * file's content and the results of its checks.
 */
@jakarta.annotation.security.PermitAll
@Route("templates/:name")
public class TemplateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
  private final GoldenPaths goldenPaths;
  private final CatalogQueries catalog;
  private final Div result = new Div();
  private String title = "Template · Paved";
  private ParameterForm form;
  private GoldenPathSummary template;

  private final Scaffolder scaffolder;
  private final CurrentUser currentUser;
  private final GitHosts gitHosts;
  /** One per opened form: a double-click or a repeated submit of it starts one task, not two. */
  private String requestKey = java.util.UUID.randomUUID().toString();

  public TemplateView(GoldenPaths goldenPaths, CatalogQueries catalog, Scaffolder scaffolder, CurrentUser currentUser,
      GitHosts gitHosts) {
    this.goldenPaths = goldenPaths;
    this.catalog = catalog;
    this.scaffolder = scaffolder;
    this.currentUser = currentUser;
    this.gitHosts = gitHosts;
    setMaxWidth("1200px");
    result.setWidthFull();
    result.setId("preview-result");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String name = event.getRouteParameters().get("name").orElse("");
    var found = goldenPaths.get(name);
    if (found.isEmpty()) {
      title = "Not found · Paved";
      add(new H2("Not found"), new Paragraph("There is no golden path named " + name + "."));
      return;
    }
    template = found.get();
    title = (template.title() == null ? template.name() : template.title()) + " · Paved";
    H2 heading = new H2(template.title() == null ? template.name() : template.title());
    heading.setId("template-title");
    Span meta = new Span(template.name() + " v" + template.version() + (template.owner() == null ? "" : " · " + template.owner()));
    meta.addClassName("paved-muted");
    com.vaadin.flow.component.html.Div source = TemplatesView.source(template);
    source.add(new Span(" · " + template.source()));
    form = new ParameterForm(template.parameters(), catalog, gitHosts.hostNames());
    back.setId("template-back");
    next.setId("template-next");
    next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    preview.setId("template-preview");
    create.setId("template-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    review.setId("template-review");
    review.setPadding(false);
    progress.setId("template-progress");
    progress.addClassName("paved-muted");
    add(heading, meta, source, dev.paved.portal.shell.Markdown.of(template.description()), progress,
        form, review, new HorizontalLayout(back, next, create, preview), result);
    show(0);
  }

  /** The page shown: one of the parameter pages, or the review after the last. */
  private int page;
  private final Button back = new Button("Back", e -> show(this.page - 1));
  private final Button next = new Button("Next", e -> next());
  private final Button preview = new Button("Preview", e -> preview());
  private final Button create = new Button("Create", e -> create());
  private final VerticalLayout review = new VerticalLayout();
  private final Span progress = new Span();

  private boolean onReview() {
    return page >= form.pageCount();
  }

  /** A wizard: one parameter page at a time, then a review of every answer with Preview and Create. */
  private void show(int index) {
    page = Math.max(0, Math.min(index, form.pageCount()));
    result.removeAll();
    form.showPage(onReview() ? Integer.MAX_VALUE : page);
    review.setVisible(onReview());
    back.setVisible(page > 0);
    next.setVisible(!onReview());
    preview.setVisible(onReview());
    create.setVisible(onReview());
    java.util.List<String> titles = new java.util.ArrayList<>(form.pageTitles());
    titles.add("Review");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < titles.size(); i++) {
      text.append(i == 0 ? "" : "  ›  ").append(i == page ? "[" + (i + 1) + ". " + titles.get(i) + "]" : (i + 1) + ". " + titles.get(i));
    }
    progress.setText(text.toString());
    if (onReview()) {
      review.removeAll();
      review.add(new H3("Review"));
      com.vaadin.flow.component.html.DescriptionList answers = new com.vaadin.flow.component.html.DescriptionList();
      answers.addClassName("paved-review");
      form.summary().forEach(row -> answers.add(new com.vaadin.flow.component.html.DescriptionList.Term(row.getKey()),
          new com.vaadin.flow.component.html.DescriptionList.Description(row.getValue())));
      review.add(answers);
    }
  }

  /** Checks the page's answers on the server (the same schema as Create) before moving on. */
  private void next() {
    java.util.Map<String, java.util.List<String>> problems = goldenPaths.validate(template.name(), form.values());
    java.util.Map<String, java.util.List<String>> here = new java.util.LinkedHashMap<>();
    problems.forEach((field, messages) -> {
      if (form.onPage(page, field)) {
        here.put(field, messages);
      }
    });
    form.showProblems(here);
    if (here.isEmpty()) {
      show(page + 1);
    }
  }

  /** Puts server-side problems on their fields, on the first page that has one. */
  private void showServerProblems(GoldenPathException e) {
    for (int i = 0; i < form.pageCount(); i++) {
      final int index = i;
      if (e.fieldProblems().keySet().stream().anyMatch(f -> form.onPage(index, f))) {
        show(index);
        break;
      }
    }
    for (String unplaced : form.showProblems(e.fieldProblems())) {
      problem(unplaced);
    }
    problem(e.getMessage());
  }

  /** Starts the task and opens its page; problems (invalid answers, an existing repository) go on the fields. */
  private void create() {
    result.removeAll();
    try {
      Scaffolder.TaskView task = scaffolder.start(template.name(), form.values(), currentUser.user(), requestKey).task();
      form.showProblems(java.util.Map.of());
      getUI().ifPresent(ui -> ui.navigate(TaskPage.class, new com.vaadin.flow.router.RouteParameters("id", task.id().toString())));
    } catch (GoldenPathException e) {
      showServerProblems(e);
      requestKey = java.util.UUID.randomUUID().toString(); // the next submit is a new request
    } catch (dev.paved.portal.access.PermissionDenied e) {
      form.showProblems(java.util.Map.of("owner", java.util.List.of(e.getMessage())));
      problem(e.getMessage());
    }
  }

  private void preview() {
    result.removeAll();
    DryRunResult run;
    try {
      run = goldenPaths.dryRun(template.name(), form.values());
      form.showProblems(java.util.Map.of());
    } catch (GoldenPathException e) {
      showServerProblems(e);
      return;
    }
    Div status = new Div(run.succeeded() ? "Every step passed. Nothing was created." : "A step failed; see below.");
    status.setId("preview-status");
    status.addClassName(run.succeeded() ? "paved-muted" : "paved-problem");
    result.add(status);

    Grid<DryRunResult.Step> steps = new Grid<>(DryRunResult.Step.class, false);
    steps.setId("preview-steps");
    steps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    steps.addColumn(DryRunResult.Step::name).setHeader("Step").setAutoWidth(true);
    steps.addColumn(DryRunResult.Step::action).setHeader("Action").setAutoWidth(true);
    steps.addColumn(DryRunResult.Step::status).setHeader("Result").setAutoWidth(true);
    steps.addColumn(s -> String.join("\n", s.log())).setHeader("Log").setFlexGrow(3);
    steps.setItems(run.steps());
    steps.setAllRowsVisible(true);

    Pre content = new Pre();
    content.addClassName("paved-code");
    content.setId("preview-content");
    content.setWidthFull();
    PreviewFiles files = new PreviewFiles(run.files(), f ->
        content.setText(f.text() == null ? "(binary or too large to show: " + f.size() + " bytes)" : f.text()));
    files.setId("preview-files");
    files.setHeight("28em");
    files.setWidth("24em");
    // the README says what the golden path made; otherwise the first file
    run.files().stream().map(DryRunResult.File::path).filter(p -> p.equals("README.md")).findFirst()
        .or(() -> run.files().stream().map(DryRunResult.File::path).findFirst())
        .ifPresent(files::open);
    HorizontalLayout tree = new HorizontalLayout(files, content);
    tree.setWidthFull();
    result.add(new H3("Steps"), steps, new H3("Files"), tree);
  }

  private void problem(String text) {
    Div d = new Div(text);
    d.addClassName("paved-problem");
    result.add(d);
  }

  @Override
  public String getPageTitle() {
    return title;
  }
}
