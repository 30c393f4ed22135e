package org.backgrounder.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void prometheus_histogramIsCumulativeAndCountersAreLabelled() {
    Metrics m = new Metrics();
    m.question(true, Duration.ofMillis(3));
    m.question(false, Duration.ofMillis(30));
    m.fetch("new");
    m.fetch("failed");
    m.fetch("failed");
    m.itemsIngested(7);
    m.digestPosted();
    m.chatError("slack");

    String text = m.prometheus();

    assertThat(text).contains("backgrounder_questions_total{outcome=\"answered\"} 1\n")
        .contains("backgrounder_questions_total{outcome=\"declined\"} 1\n")
        .contains("backgrounder_answer_seconds_bucket{le=\"0.002\"} 0\n")
        .contains("backgrounder_answer_seconds_bucket{le=\"0.005\"} 1\n")
        .contains("backgrounder_answer_seconds_bucket{le=\"0.05\"} 2\n")
        .contains("backgrounder_answer_seconds_bucket{le=\"+Inf\"} 2\n")
        .contains("backgrounder_answer_seconds_count 2\n")
        .contains("backgrounder_feed_fetches_total{outcome=\"failed\"} 2\n")
        .contains("backgrounder_items_ingested_total 7\n")
        .contains("backgrounder_digests_posted_total 1\n")
        .contains("backgrounder_chat_errors_total{platform=\"slack\"} 1\n")
        .contains("backgrounder_leader 1\n");
    // Every sample line is "name{labels} value" or "name value"; every family has HELP and TYPE.
    assertThat(text.lines().filter(l -> !l.startsWith("#")))
        .allMatch(l -> l.matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"})? [0-9.]+"));
    assertThat(text.lines().filter(l -> l.startsWith("# TYPE"))).hasSize(7);
  }

  @Test
  void jsonLines_writeOneObjectALineWithTheError() throws Exception {
    LoggerContext context = new LoggerContext();
    Logs.JsonLines layout = new Logs.JsonLines();
    layout.setContext(context);
    layout.start();
    LoggingEvent e = new LoggingEvent("x", context.getLogger("org.backgrounder.Test"), Level.WARN,
        "feed {} failed: \"quoted\"\nsecond line", new IllegalStateException("boom"),
        new Object[] {"reuters"});

    String line = layout.doLayout(e);

    assertThat(line).endsWith("\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode n = new ObjectMapper().readTree(line);
    assertThat(n.path("level").asText()).isEqualTo("warn");
    assertThat(n.path("message").asText()).isEqualTo("feed reuters failed: \"quoted\"\nsecond line");
    assertThat(n.path("error").asText()).contains("IllegalStateException: boom");
  }
}
