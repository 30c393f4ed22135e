package org.backgrounder.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedState;

/** How each followed feed is doing, with its items per day over two weeks as a small chart. */
final class FeedsPage {

  static final int DAYS = 14;
  static final int BAR = 10;
  static final int GAP = 2;
  static final int HEIGHT = 40;

  /** One bar of a chart, in SVG user units; {@code label} is its tooltip. */
  record Bar(int x, int y, int height, String label) {}

  /** A feed's chart: width and height in SVG units, a summary for screen readers. */
  record Chart(int width, int height, List<Bar> bars, String summary) {}

  record Row(String id, String outlet, String health, boolean failing, String lastSuccess,
      String failure, String nextPoll, Chart chart) {}

  record View(List<Row> rows, int healthy, int failing, int disabled) {}

  private FeedsPage() {}

  static View build(DeskSources src) {
    return build(src, true);
  }

  /** @param charts whether to count the items for the charts (the overview needs no charts) */
  static View build(DeskSources src, boolean charts) {
    Instant now = src.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<String, int[]> perDay = charts ? src.items().itemsPerDay(
        first.atStartOfDay(ZoneOffset.UTC).toInstant(), DAYS) : Map.of();
    List<Row> rows = new ArrayList<>();
    int healthy = 0;
    int failing = 0;
    int disabled = 0;
    for (FeedConfig f : src.feeds().get()) {
      FeedState s = src.feedStore().state(f.id());
      String health;
      boolean bad = false;
      if (!f.enabled()) {
        health = "off in the settings";
        disabled++;
      } else if (s.disabled()) {
        health = "disabled: " + s.disabledReason().orElse("switched off");
        disabled++;
        bad = true;
      } else if (s.lastAttempt().isEmpty()) {
        health = "not polled yet";
        healthy++;
      } else if (s.consecutiveFailures() > 0) {
        health = "failing: " + Views.plural(s.consecutiveFailures(), "failure") + " in a row"
            + s.failingSince().map(t -> ", since " + Views.ago(now, t)).orElse("");
        failing++;
        bad = true;
      } else {
        health = "ok";
        healthy++;
      }
      String failure = s.consecutiveFailures() > 0 || s.disabled()
          ? s.failureKind().map(FeedException.Kind::plainWords).orElse("failed") : "";
      rows.add(new Row(f.id(), f.outlet(), health, bad,
          s.lastSuccess().map(t -> Views.ago(now, t)).orElse("never"), failure,
          !f.enabled() || s.disabled() ? "no more polls"
              : s.nextPoll().map(t -> t.isAfter(now) ? Views.ago(now, t) : "now").orElse("now"),
          chart(perDay.getOrDefault(f.id(), new int[DAYS]), first)));
    }
    return new View(rows, healthy, failing, disabled);
  }

  /** Bars scaled to the busiest day; a day with items is at least 2 units tall. */
  static Chart chart(int[] counts, LocalDate first) {
    int max = 1;
    int total = 0;
    for (int c : counts) {
      max = Math.max(max, c);
      total += c;
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      int h = counts[i] == 0 ? 0 : Math.max(2, Math.round((float) counts[i] * HEIGHT / max));
      bars.add(new Bar(i * (BAR + GAP), HEIGHT - h, h,
          first.plusDays(i) + ": " + Views.plural(counts[i], "item")));
    }
    return new Chart(counts.length * (BAR + GAP) - GAP, HEIGHT, bars,
        Views.plural(total, "item") + " in " + counts.length + " days, at most " + max + " a day");
  }
}
