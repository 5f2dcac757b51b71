package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.plugin.deploy.DeploymentException;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.deploy.LogLine;
import dev.paved.plugin.deploy.LogListener;
import dev.paved.plugin.deploy.LogQuery;
import dev.paved.plugin.deploy.ResourceNode;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.portal.deploy.Deployments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A pod's logs: choose pod and container, the last N lines, follow live, only lines containing a text, and
 * download what is shown. Lines arrive on Argo CD's stream and reach the page in batches.
 */
class LogsDialog extends Dialog {
  /** The most lines the page keeps; older ones scroll away (the download has the same). */
  static final int KEPT_LINES = 5_000;
  /** How often in a row a cut stream is opened again without a line in between. */
  static final int MAX_RESUMES = 5;
  private static final ScheduledExecutorService FLUSH = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "log-page-flush");
    t.setDaemon(true);
    return t;
  });

  /** Argo CD answers off the page's thread. */
  private static final java.util.concurrent.Executor LOOKUPS = dev.paved.portal.deploy.Background.executor();

  private final Deployments deployments;
  private final DeploymentRef ref;
  private final String namespace;
  private final Select<String> pod = new Select<>();
  private final TextField container = new TextField("Container");
  private final IntegerField tail = new IntegerField("Last lines");
  private final Checkbox follow = new Checkbox("Follow");
  private final TextField filter = new TextField("Only lines containing");
  private final Pre output = new Pre();
  private final Div status = new Div();
  private final Deque<String> shown = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<String> arriving = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushPending = new AtomicBoolean();
  private Subscription stream;
  /** Counts reads, so the end of an earlier one does not report over a later one. */
  private volatile int generation;
  /** What the page shows, for the download (which runs outside the page's lock). */
  private volatile String shownText = "";

  LogsDialog(Deployments deployments, DeploymentRef ref, String namespace) {
    this.deployments = deployments;
    this.ref = ref;
    this.namespace = namespace;
    setHeaderTitle("Logs of " + ref.name());
    setWidth("min(1200px, 95vw)");
    setId("logs-dialog");
    pod.setLabel("Pod");
    pod.setId("logs-pod");
    container.setPlaceholder("the pod's only one");
    container.setId("logs-container");
    tail.setValue(200);
    tail.setMin(1);
    tail.setMax(LogQuery.MAX_TAIL_LINES);
    tail.setId("logs-tail");
    follow.setId("logs-follow");
    filter.setId("logs-filter");
    Button show = new Button("Show", e -> start());
    show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    show.setId("logs-show");
    Button stop = new Button("Stop", e -> stop("Stopped."));
    stop.setId("logs-stop");
    Anchor download = new Anchor(event -> {
      event.setFileName(ref.name() + "-" + (pod.getValue() == null ? "logs" : pod.getValue()) + ".log");
      event.setContentType("text/plain; charset=utf-8");
      event.getOutputStream().write(shownText.getBytes(StandardCharsets.UTF_8));
    }, "Download");
    download.setId("logs-download");
    HorizontalLayout form = new HorizontalLayout(pod, container, tail, filter, follow, show, stop, download);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    form.setWrap(true);
    output.addClassName("paved-code");
    output.setId("logs-output");
    output.setWidthFull();
    status.setId("logs-status");
    status.addClassName("paved-muted");
    add(form, status, output);
    getFooter().add(new Button("Close", e -> close()));
    loadPods();
  }

  /** Lists the application's pods off the page's thread. */
  private void loadPods() {
    UI ui = UI.getCurrent();
    status.setText("Listing pods…");
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        List<String> pods = deployments.tree(ref).stream().filter(n -> "Pod".equals(n.kind())).map(ResourceNode::name)
            .sorted().toList();
        ui.access(() -> {
          pod.setItems(pods);
          if (!pods.isEmpty()) {
            pod.setValue(pods.get(0));
            status.setText("");
          } else {
            status.setText(ref.name() + " has no pods right now.");
          }
        });
      } catch (DeploymentException e) {
        ui.access(() -> status.setText("The pods could not be listed: " + e.getMessage()));
      }
    }, LOOKUPS);
  }

  private void start() {
    stop(null);
    generation++;
    shown.clear();
    arriving.clear();
    shownText = "";
    output.setText("");
    if (pod.getValue() == null) {
      status.setText("Choose a pod.");
      return;
    }
    LogQuery query;
    try {
      query = new LogQuery(namespace, pod.getValue(), container.getValue(), tail.getValue() == null ? 200 : tail.getValue(),
          follow.getValue(), filter.getValue());
    } catch (IllegalArgumentException e) {
      status.setText(e.getMessage());
      return;
    }
    read(query, 0, null);
  }

  /**
   * Opens the stream; a followed stream that breaks or is cut (proxies end long responses) is opened again
   * from the time of its last line, a few times in a row at most.
   */
  private void read(LogQuery query, int resumes, java.time.Instant shownUpTo) {
    UI ui = UI.getCurrent();
    int reading = generation;
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> lastLine =
        new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());
    java.util.concurrent.atomic.AtomicBoolean anyLine = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> lastStamp =
        new java.util.concurrent.atomic.AtomicReference<>(shownUpTo);
    try {
      stream = deployments.logs(ref, query, new LogListener() {
        @Override
        public void line(LogLine line) {
          // a line of a read the user already replaced is dropped, and so is one a resumed read repeats
          boolean repeated = shownUpTo != null && line.timestamp() != null && !line.timestamp().isAfter(shownUpTo);
          if (reading == generation && !repeated) {
            arriving.add(line.content());
            lastLine.set(java.time.Instant.now());
            if (line.timestamp() != null) {
              lastStamp.set(line.timestamp());
            }
            anyLine.set(true);
            scheduleFlush(ui);
          }
        }

        @Override
        public void ended(DeploymentException problem) {
          ui.access(() -> {
            flush();
            if (reading != generation || stream == null) {
              return; // the user stopped it or started another
            }
            stream = null;
            boolean broke = problem == null || problem.reason() == DeploymentException.Reason.UNREACHABLE;
            int attempt = anyLine.get() ? 1 : resumes + 1;
            if (query.follow() && broke && attempt <= MAX_RESUMES) {
              status.setText("The stream was cut; resuming…");
              long seconds = java.time.Duration.between(lastLine.get(), java.time.Instant.now()).toSeconds() + 1;
              read(query.resumedAfter(seconds), attempt, lastStamp.get());
            } else {
              status.setText(problem == null ? (query.follow() ? "The stream ended." : shown.size() + " lines.")
                  : problem.getMessage());
            }
          });
        }
      });
      status.setText(resumes > 0 ? "Following " + query.pod() + " again…"
          : query.follow() ? "Following " + query.pod() + "…" : "Reading " + query.pod() + "…");
    } catch (DeploymentException e) {
      status.setText("The logs could not be read: " + e.getMessage());
    }
  }

  private void scheduleFlush(UI ui) {
    if (flushPending.compareAndSet(false, true)) {
      FLUSH.schedule(() -> {
        flushPending.set(false);
        ui.access(this::flush);
      }, 150, TimeUnit.MILLISECONDS);
    }
  }

  private void flush() {
    String line;
    boolean changed = false;
    while ((line = arriving.poll()) != null) {
      shown.addLast(line);
      if (shown.size() > KEPT_LINES) {
        shown.removeFirst();
      }
      changed = true;
    }
    if (changed) {
      shownText = text();
      output.setText(shownText);
    }
  }

  private String text() {
    return shown.isEmpty() ? "" : String.join("\n", shown) + "\n";
  }

  private void stop(String message) {
    if (stream != null) {
      stream.close();
      stream = null;
      if (message != null) {
        status.setText(message);
      }
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    stop(null);
    super.onDetach(detachEvent);
  }
}
