package dev.baton.designer.base.ui;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Where views run long work (verify, replay of a range, backtest, imports) off the request
 * thread, as the signed-in user: the work keeps the user's security context, so the services'
 * role checks apply to it. A few threads for the whole application, stopped with it; the views
 * push progress and results back with {@code UI.access}.
 */
@Component
public class BackgroundWork {
  /** Threads for the whole application: long work queues rather than crowding two cores. */
  static final int THREADS = 2;

  private final AtomicInteger count = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
    Thread th = new Thread(r, "baton-background-" + count.incrementAndGet());
    th.setDaemon(true);
    return th;
  });

  /** Runs the work on a background thread with the caller's security context. */
  public void submit(Runnable work) {
    pool.submit(new DelegatingSecurityContextRunnable(work));
  }

  /**
   * Runs the work on a background thread with the given security context (captured where the
   * user's request was, for work started from a thread that has none, such as an upload's).
   */
  public void submit(SecurityContext security, Runnable work) {
    pool.submit(new DelegatingSecurityContextRunnable(work, security));
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}
