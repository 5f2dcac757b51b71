package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import dev.paved.portal.goldenpaths.Scaffolder;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes task changes to the open pages showing them, through Vaadin's push: a task page updates while
 * the task runs, in every browser that has it open.
 */
@Component
class TaskEvents {
  /** @param pending set while a refresh is scheduled, so a burst of changes costs one refresh */
  private record Subscription(UUID task, UI ui, Runnable refresh, java.util.concurrent.atomic.AtomicBoolean pending) {}

  /** Refreshes run here, a moment after the change, never on the scaffolder's own threads. */
  private final java.util.concurrent.ScheduledExecutorService later =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "task-page-refresh");
        t.setDaemon(true);
        return t;
      });

  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

  /** Calls {@code refresh} inside the UI's lock after each change of the task (or of any task, for null). */
  Registration subscribe(UUID task, UI ui, Runnable refresh) {
    Subscription s = new Subscription(task, ui, refresh, new java.util.concurrent.atomic.AtomicBoolean());
    subscriptions.add(s);
    return () -> subscriptions.remove(s);
  }

  @EventListener
  void onTaskChanged(Scaffolder.TaskChanged event) {
    for (Subscription s : subscriptions) {
      if ((s.task() == null || s.task().equals(event.id())) && s.pending().compareAndSet(false, true)) {
        later.schedule(() -> {
          s.pending().set(false);
          try {
            s.ui().access(s.refresh()::run);
          } catch (com.vaadin.flow.component.UIDetachedException e) {
            subscriptions.remove(s); // the tab closed without detaching cleanly
          }
        }, 150, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    later.shutdownNow();
  }
}
