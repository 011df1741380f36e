package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancelOnInterruptTest {

  @Test
  void shouldCancelTheRunAndWaitForItsReportWhenInterrupted() throws InterruptedException {
    // given
    CancelOnInterrupt interrupt = CancelOnInterrupt.install();
    Thread hook = new Thread(interrupt::interrupted);

    // when
    hook.start();
    while (!interrupt.cancellation().isCancelled()) {
      Thread.onSpinWait();
    }
    boolean hookWaitedForTheReport = hook.isAlive();
    interrupt.close();
    hook.join();

    // then
    assertThat(interrupt.cancellation().isCancelled()).isTrue();
    assertThat(hookWaitedForTheReport).isTrue();
  }

  @Test
  void shouldNotCancelWhenTheRunEndsNormally() {
    // given
    CancelOnInterrupt interrupt = CancelOnInterrupt.install();

    // when
    interrupt.close();

    // then
    assertThat(interrupt.cancellation().isCancelled()).isFalse();
  }
}
