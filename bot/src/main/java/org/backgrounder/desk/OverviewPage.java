package org.backgrounder.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactFile;
import org.backgrounder.store.AuditReview;

/** The desk at a glance: stories, this week's questions, feeds, digests. */
final class OverviewPage {

  record Story(String id, String title, int facts, String reviewed, String age, boolean stale) {}

  record Digest(String where, String at, String lastSlot, String outcome) {}

  record View(List<Story> stories, AuditReview.Tally today, AuditReview.Tally week,
      int feedsHealthy, int feedsFailing, int feedsDisabled, List<Digest> digests) {}

  private OverviewPage() {}

  static View build(DeskSources src) {
    Instant now = src.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<Story> stories = new ArrayList<>();
    for (FactFile f : src.facts().get().stories()) {
      String age = f.story().reviewed().map(d -> Views.plural(ChronoUnit.DAYS.between(d.end(),
          today), "day") + " ago").orElse("never reviewed");
      boolean stale = f.story().reviewed().map(d -> Duration.ofDays(ChronoUnit.DAYS.between(
          d.end(), today)).compareTo(src.staleAfter()) > 0).orElse(true);
      stories.add(new Story(f.story().id(), f.story().title(), f.facts().size(),
          f.story().reviewed().map(d -> d.spoken()).orElse("never"), age, stale));
    }
    Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    AuditReview.Tally day = src.audit().tally(midnight, now.plusMillis(1));
    AuditReview.Tally week = src.audit().tally(now.minus(Duration.ofDays(7)), now.plusMillis(1));
    FeedsPage.View feeds = FeedsPage.build(src, false);
    List<Digest> digests = new ArrayList<>();
    for (DigestSettings d : src.digests()) {
      var last = src.ledger().latest(d.key());
      digests.add(new Digest(d.platform().id() + " " + d.channel(), d.at() + " " + d.zone(),
          last.map(e -> Views.time(e.slot())).orElse("none yet"),
          last.map(e -> outcome(e)).orElse("")));
    }
    return new View(stories, day, week, feeds.healthy(), feeds.failing(), feeds.disabled(),
        digests);
  }

  private static String outcome(DigestLedger.Entry e) {
    String o = e.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return e.detail().isEmpty() ? o : o + ": " + e.detail();
  }
}
