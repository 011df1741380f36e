package dev.baton.engine.workflow.internal.rest;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One unary gateway call made in-process: collects the single response of the {@link
 * StreamObserver} into a future. The gateway answers on its engine thread, so the future is
 * completed on {@code executor}: what the REST side does next (JSON, writing the response) never
 * runs on, or holds up, the engine thread.
 */
final class Call<T> implements StreamObserver<T> {
  final CompletableFuture<T> future = new CompletableFuture<>();
  private final Executor executor;
  private T value;

  Call(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void onNext(T v) {
    value = v;
  }

  @Override
  public void onError(Throwable t) {
    later(() -> future.completeExceptionally(t));
  }

  @Override
  public void onCompleted() {
    T v = value;
    later(() -> future.complete(v));
  }

  private void later(Runnable r) {
    try {
      executor.execute(r);
    } catch (RejectedExecutionException closing) {
      r.run(); // the API is closing: answer where we are
    }
  }
}
