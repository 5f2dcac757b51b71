package dev.paved.portal.deploy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the deployment pages wait for Argo CD, Git and Helm, off the page's thread: a small pool of platform
 * threads. Not virtual threads: Helm runs as native code through JNA, which pins a virtual thread's carrier,
 * and on a small machine two pinned carriers would stall every virtual thread of the process.
 */
public final class Background {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL = pool();

  private Background() {}

  private static ExecutorService pool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "deployments-background-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The pool; work runs as the user who hands it over, so operations know who asked. */
  public static java.util.concurrent.Executor executor() {
    return dev.paved.portal.access.Access.carry(POOL);
  }
}
