package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.backgrounder.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanesTest {

  private final Lanes lanes = new Lanes(2, 5);
  private final CountDownLatch gate = new CountDownLatch(1);
  private final List<String> done = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    gate.countDown();
    lanes.close(Duration.ofSeconds(2));
  }

  private Runnable blocked(String name) {
    return () -> {
      try {
        gate.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      done.add(name);
    };
  }

  @Test
  void floodedRoom_pastItsBacklog_refusesMore_whileOtherRoomsAreAnswered() {
    int accepted = 0;
    for (int i = 0; i < 20; i++) {
      accepted += lanes.submit("!flood", blocked("flood" + i)) ? 1 : 0;
    }

    boolean quiet = lanes.submit("!quiet", () -> done.add("quiet"));
    Eventually.await(Duration.ofSeconds(2), () -> done.contains("quiet"));
    gate.countDown();
    Eventually.await(Duration.ofSeconds(2), () -> done.size() == 6);

    assertThat(accepted).isEqualTo(5);
    assertThat(quiet).isTrue();
    assertThat(done.subList(1, 6)).containsExactly("flood0", "flood1", "flood2", "flood3",
        "flood4");
  }

  @Test
  void closedLanes_takeNothingMore() {
    lanes.close(Duration.ZERO);

    assertThat(lanes.submit("!room", () -> done.add("late"))).isFalse();
  }
}
