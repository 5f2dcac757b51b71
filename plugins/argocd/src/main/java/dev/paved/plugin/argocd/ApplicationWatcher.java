package dev.paved.plugin.argocd;

import dev.paved.plugin.argocd.client.model.StreamResultOfV1alpha1ApplicationWatchEvent;
import dev.paved.plugin.argocd.client.model.V1alpha1Application;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationList;
import dev.paved.plugin.argocd.client.model.V1alpha1ApplicationWatchEvent;
import dev.paved.plugin.deploy.DeploymentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one instance's applications current: one list call, then Argo CD's watch stream, read line by line
 * for as long as it lasts. When the stream ends or breaks it lists again
 * and resumes, backing off while Argo CD is unreachable (1 s doubling to 30 s); every {@code resync} it
 * starts over anyway, so a connection that died silently (no reset, no data) cannot leave the cache stale
 * for long.
 */
final class ApplicationWatcher implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ApplicationWatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  /** Where the watcher reports. */
  interface Sink {
    /** The full list, replacing what was known of this instance. */
    void listed(String instance, List<V1alpha1Application> applications);

    /** One change from the stream. */
    void changed(String instance, String type, V1alpha1Application application);

    /** Reaching the instance failed; its state says since when. */
    void unreachable(String instance);

    /** The instance answered again after being unreachable. */
    void reachable(String instance);
  }

  private final ArgoCdClient client;
  private final Sink sink;
  private final Duration resync;
  private final Duration firstBackoff;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicReference<InputStream> open = new AtomicReference<>();
  private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
  private volatile Thread thread;

  ApplicationWatcher(ArgoCdClient client, Sink sink, Duration resync, Duration firstBackoff) {
    this.client = client;
    this.sink = sink;
    this.resync = resync;
    this.firstBackoff = firstBackoff;
  }

  void start() {
    thread = Thread.ofPlatform().daemon().name("argocd-watch-" + client.name()).start(this);
  }

  void stop() {
    stopped.set(true);
    wake.release();
    closeStream();
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Waits a moment for the watch thread to end after {@link #stop()}. */
  void awaitStop() {
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Ends the current stream; the watcher lists again and resumes (used for resyncs and by tests). */
  void restartStream() {
    closeStream();
  }

  @Override
  public void run() {
    Duration backoff = firstBackoff;
    while (!stopped.get()) {
      long started = System.nanoTime();
      try {
        V1alpha1ApplicationList list = client.call("list applications",
            api -> api.applicationServiceList(null, null, null, null, null, null, null));
        List<V1alpha1Application> items = list.getItems() == null ? List.of() : list.getItems();
        if (stopped.get()) {
          return; // stopped while the list was on its way: another watch may own the instance's state now
        }
        sink.listed(client.name(), items);
        if (client.markReachable()) {
          sink.reachable(client.name());
        }
        backoff = firstBackoff;
        follow();
        if (Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0) {
          // a stream that ends at once (a proxy cutting it, an empty answer): pause before listing again
          sleep(firstBackoff);
        }
      } catch (DeploymentException e) {
        if (stopped.get()) {
          return;
        }
        log.warn("Argo CD {}: {}", client.name(), e.getMessage());
        client.markUnreachable(e.getMessage());
        sink.unreachable(client.name());
        sleep(backoff);
        backoff = longer(backoff);
      } catch (RuntimeException e) {
        log.error("Argo CD {}: the watch failed unexpectedly; starting over", client.name(), e);
        sleep(backoff);
        backoff = longer(backoff);
      }
    }
  }

  private static Duration longer(Duration backoff) {
    return backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  /**
   * Reads the watch stream. It is opened without a resource version on purpose: Argo CD then starts with
   * every application's current state, so no change between the list and the stream is missed (with the
   * list's version it would send only later changes, and the gateway's headers would wait for the first of
   * them). What the list already holds is recognised by its resource version and costs nothing. An
   * application deleted in that moment is not noticed until the next resync. The wait for the first line is
   * bounded by the resync interval too, so a stream that never starts is retried.
   */
  private void follow() throws DeploymentException {
    InputStream in = client.stream("watch applications", "/api/v1/stream/applications", resync);
    open.set(in);
    // a platform thread: Helm (native code) elsewhere in the process may pin every virtual thread's carrier
    Thread resyncer = Thread.ofPlatform().daemon().name("argocd-resync").start(() -> {
      try {
        Thread.sleep(resync);
        if (open.get() == in) {
          closeStream();
        }
      } catch (InterruptedException e) {
        // the stream ended first
      }
    });
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (!stopped.get() && (line = lines.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        StreamResultOfV1alpha1ApplicationWatchEvent result =
            ArgoCdClient.JSON.readValue(line, StreamResultOfV1alpha1ApplicationWatchEvent.class);
        if (result.getError() != null) {
          throw new DeploymentException(DeploymentException.Reason.FAILED, "Argo CD " + client.name()
              + " ended the application watch: " + result.getError().getMessage());
        }
        client.markReachable();
        V1alpha1ApplicationWatchEvent event = result.getResult();
        if (event != null && event.getApplication() != null && event.getApplication().getMetadata() != null) {
          sink.changed(client.name(), event.getType(), event.getApplication());
        }
      }
      log.debug("Argo CD {}: the watch ended; listing again", client.name());
    } catch (IOException e) {
      if (!stopped.get() && open.get() == in) {
        log.info("Argo CD {}: the watch stream broke ({}); resuming", client.name(), e.getMessage());
      }
    } catch (RuntimeException e) {
      throw new DeploymentException(DeploymentException.Reason.FAILED, "Argo CD " + client.name()
          + " sent a watch event the portal could not read: " + e.getMessage(), e);
    } finally {
      open.compareAndSet(in, null);
      resyncer.interrupt();
    }
  }

  private void closeStream() {
    InputStream in = open.getAndSet(null);
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // closing is all that is wanted
      }
    }
  }

  /** Waits before trying again; {@link #wake()} ends the wait early. */
  private void sleep(Duration duration) {
    try {
      wake.drainPermits();
      wake.tryAcquire(duration.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.set(true);
    }
  }

  /**
   * Tries again now if the watcher is waiting to: a call of a user's just reached Argo CD, so it is back, and
   * pages should not wait out the backoff to hear of it.
   */
  void wake() {
    wake.release();
  }
}
