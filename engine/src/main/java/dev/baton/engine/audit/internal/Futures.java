package dev.baton.engine.audit.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work that verify and replay hand to their pools. */
final class Futures {
  private Futures() {}

  /**
   * The future's value; a runtime exception thrown by the work is rethrown as itself (a
   * store or validation error keeps its type and message), anything else as the
   * {@link CompletionException}.
   */
  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
