package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MrkdwnTest {

  private static final URI ITEM = URI.create("https://wire.example.org/story");

  @Test
  void looksLikeAddress_namesAndPaths_asBefore() {
    assertThat(Mrkdwn.looksLikeAddress("www.x.example")).isTrue();
    assertThat(Mrkdwn.looksLikeAddress("x.example/path?q=1")).isTrue();
    assertThat(Mrkdwn.looksLikeAddress("WWW.Evil-Site.Example")).isTrue();
    assertThat(Mrkdwn.looksLikeAddress("https://x.example")).isTrue();
    assertThat(Mrkdwn.looksLikeAddress("Cartel leader held")).isFalse();
    assertThat(Mrkdwn.looksLikeAddress("a.b")).isFalse();
    assertThat(Mrkdwn.looksLikeAddress("x.example/a path")).isFalse();
    assertThat(Mrkdwn.looksLikeAddress("x..example")).isFalse();
    assertThat(Mrkdwn.looksLikeAddress("x.example2")).isFalse();
  }

  @Test
  void link_aTitleOfTensOfThousandsOfDottedLabels_rendersQuicklyWithoutOverflow() {
    String dotted = "a.".repeat(50_000) + "example";
    String notQuite = "a.".repeat(50_000) + "example/ x";

    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      for (String title : java.util.List.of(dotted, notQuite)) {
        assertThat(Mrkdwn.link(ITEM, title, 150)).startsWith("<" + ITEM + "|a.a.a.")
            .endsWith("\u2026>").hasSizeLessThan(200);
      }
      assertThat(Mrkdwn.link(ITEM, "a.".repeat(20) + "example", 150))
          .isEqualTo("<" + ITEM + "|" + ITEM + ">");
    });
  }
}
