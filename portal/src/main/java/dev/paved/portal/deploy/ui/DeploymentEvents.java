package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.Subscription;
import dev.paved.portal.deploy.Deployments;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Passes deployment changes from the Argo CD watch to the open pages that show them, through Vaadin's push.
 * A burst of changes (a sync touching many applications) costs each page one refresh, run a moment later on
 * a thread of its own, never on the watch thread.
 */
@Component
class DeploymentEvents {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeploymentEvents.class);
  /** How long changes are gathered before a page refreshes. */
  static final long COALESCE_MILLIS = 100;

  private record Listener(Predicate<DeploymentEvent> interested, UI ui, Runnable refresh, AtomicBoolean pending) {}

  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "deployment-page-refresh");
    t.setDaemon(true);
    return t;
  });
  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
  private final Subscription subscription;

  DeploymentEvents(Deployments deployments) {
    this.subscription = deployments.subscribe(this::changed);
  }

  /** Calls {@code refresh} inside the UI's lock after changes the page is interested in. */
  Registration subscribe(UI ui, Predicate<DeploymentEvent> interested, Runnable refresh) {
    Listener listener = new Listener(interested, ui, refresh, new AtomicBoolean());
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void changed(DeploymentEvent event) {
    log.debug("{} {}: {} pages listening", event.type(), event.deployment() == null ? "" : event.deployment().ref(),
        listeners.size());
    for (Listener l : listeners) {
      if (l.interested().test(event) && l.pending().compareAndSet(false, true)) {
        later.schedule(() -> {
          l.pending().set(false);
          try {
            l.ui().access(l.refresh()::run);
          } catch (UIDetachedException e) {
            listeners.remove(l);
          } catch (RuntimeException e) {
            log.warn("a page could not be refreshed", e); // never let one page stop the others' refreshes
          }
        }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
  }

  @PreDestroy
  void stop() {
    subscription.close();
    later.shutdownNow();
  }
}
