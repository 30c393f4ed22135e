package org.backgrounder.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.config.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestSchedulerTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private final DigestFixture f = new DigestFixture();
  private final AtomicInteger posted = new AtomicInteger();

  @AfterEach
  void close() {
    f.close();
  }

  private static DigestSettings daily(Settings.Platform platform, boolean skipIfEmpty) {
    return new DigestSettings(platform, platform == Settings.Platform.SLACK ? "C0DESK"
        : "!desk:newsroom.example", LocalTime.of(8, 30), NEW_YORK,
        EnumSet.allOf(DayOfWeek.class), List.of(DigestFixture.STORY), skipIfEmpty,
        Duration.ofHours(6));
  }

  private DigestScheduler scheduler(DigestSettings d) {
    return scheduler(d, Optional.empty());
  }

  private DigestScheduler scheduler(DigestSettings d, Optional<Settings.ChatTarget> admin) {
    return new DigestScheduler(List.of(d), f.digests, f.ledger, f.poster(),
        Set.of(Settings.Platform.MATRIX), admin, posted::incrementAndGet,
        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  /** Ticks every ten minutes from {@code from} to {@code to}. */
  private static void tickThrough(DigestScheduler s, Instant from, Instant to) {
    for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(10))) {
      s.tick(t);
    }
  }

  @Test
  void tick_acrossSpringForward_postsOnceADayAtTheLocalTime() {
    DigestScheduler s = scheduler(daily(Settings.Platform.SLACK, false));
    tickThrough(s, Instant.parse("2026-03-06T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"));

    assertThat(f.posts).hasSize(4);
    assertThat(f.posts).extracting(DigestFixture.Post::key).doesNotHaveDuplicates();
    assertThat(f.ledger.latest(daily(Settings.Platform.SLACK, false).key()).orElseThrow().slot())
        .isEqualTo(Instant.parse("2026-03-09T12:30:00Z"));
    // Posted on the first tick at or after 08:30 local: 13:30Z before the change, 12:30Z after.
    assertThat(f.ledger.find(daily(Settings.Platform.SLACK, false).key(),
        Instant.parse("2026-03-08T12:30:00Z")).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.POSTED);
    assertThat(f.posts).allSatisfy(p -> assertThat(p.channel()).isEqualTo("C0DESK"));
    assertThat(posted).hasValue(4);
  }

  @Test
  void tick_acrossFallBack_postsOnceADay() {
    DigestScheduler s = scheduler(daily(Settings.Platform.SLACK, false));
    tickThrough(s, Instant.parse("2026-10-30T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"));
    assertThat(f.posts).hasSize(4);
  }

  @Test
  void tick_afterARestartOnceTheSlotWasPosted_doesNotPostItAgain() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    scheduler(d).tick(Instant.parse("2026-11-20T00:00:00Z"));
    scheduler(d).tick(Instant.parse("2026-11-20T13:31:00Z"));
    // A new process (new scheduler, same ledger) a minute later, inside the same slot.
    scheduler(d).tick(Instant.parse("2026-11-20T13:32:00Z"));
    scheduler(d).tick(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(f.posts).hasSize(1);
  }

  @Test
  void tick_whenTheBotStoppedWhilePostingToSlack_recordsUnknownAndDoesNotRisk() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    scheduler(d).tick(slot.minus(Duration.ofDays(1)));
    // The previous process claimed the slot and died before recording the outcome.
    assertThat(f.ledger.claim(d.key(), slot, slot)).isTrue();

    scheduler(d).tick(slot.plus(Duration.ofMinutes(3)));

    assertThat(f.posts).isEmpty();
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.UNKNOWN);
    scheduler(d).tick(slot.plus(Duration.ofMinutes(20)));
    assertThat(f.posts).isEmpty();
  }

  @Test
  void tick_whenTheBotStoppedWhilePostingToMatrix_postsAgainWithTheSameKey() {
    DigestSettings d = daily(Settings.Platform.MATRIX, false);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    scheduler(d).tick(slot.minus(Duration.ofDays(1)));
    assertThat(f.ledger.claim(d.key(), slot, slot)).isTrue();

    scheduler(d).tick(slot.plus(Duration.ofMinutes(3)));
    scheduler(d).tick(slot.plus(Duration.ofMinutes(13)));

    assertThat(f.posts).hasSize(1);
    assertThat(f.posts.get(0).key()).isEqualTo("digest:" + d.key() + ":" + slot.toEpochMilli());
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.POSTED);
  }

  @Test
  void tick_aSlotMissedWithinTheGracePeriod_isPostedOnceOnStart() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    scheduler(d).tick(Instant.parse("2026-11-19T20:00:00Z"));
    // Down from the evening before until 2h after the 08:30 slot.
    DigestScheduler after = scheduler(d);
    after.tick(Instant.parse("2026-11-20T15:30:00Z"));
    after.tick(Instant.parse("2026-11-20T15:40:00Z"));
    assertThat(f.posts).hasSize(1);
  }

  @Test
  void tick_aSlotMissedByMoreThanTheGracePeriod_isSkippedAndTheNextOneIsPosted() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    scheduler(d).tick(Instant.parse("2026-11-19T20:00:00Z"));
    DigestScheduler after = scheduler(d);
    after.tick(slot.plus(Duration.ofHours(7)));
    assertThat(f.posts).isEmpty();
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.SKIPPED_LATE);

    after.tick(slot.plus(Duration.ofDays(1)));
    assertThat(f.posts).hasSize(1);
  }

  @Test
  void tick_downForSeveralDays_recordsEachMissedSlotAndPostsTheLatestInGrace() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    scheduler(d).tick(Instant.parse("2026-11-16T20:00:00Z"));
    scheduler(d).tick(Instant.parse("2026-11-20T14:00:00Z"));
    assertThat(f.posts).hasSize(1);
    for (String day : List.of("17", "18", "19")) {
      assertThat(f.ledger.find(d.key(), Instant.parse("2026-11-" + day + "T13:30:00Z"))
          .orElseThrow().outcome()).isEqualTo(DigestLedger.Outcome.SKIPPED_LATE);
    }
  }

  @Test
  void tick_slotsBeforeTheDigestWasConfigured_areNotMissed() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    scheduler(d).tick(Instant.parse("2026-11-20T14:00:00Z"));
    assertThat(f.posts).isEmpty();
    assertThat(f.ledger.latest(d.key())).isEmpty();
  }

  @Test
  void tick_aFailedPost_isRetriedWithTheSameKeyUntilItGoesThrough() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    DigestScheduler s = scheduler(d);
    s.tick(slot.minus(Duration.ofDays(1)));
    f.failWith = "Slack answered 503";
    s.tick(slot);
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.FAILED);
    s.tick(slot.plusSeconds(30)); // before the retry delay: no attempt
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().attempts()).isEqualTo(1);
    f.failWith = null;
    s.tick(slot.plus(Duration.ofMinutes(2)));
    s.tick(slot.plus(Duration.ofMinutes(30)));
    assertThat(f.posts).hasSize(1);
    assertThat(f.posts.get(0).key()).isEqualTo("digest:" + d.key() + ":" + slot.toEpochMilli());
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void tick_aPostThatKeepsFailing_isGivenUpAfterTheGracePeriod() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    DigestScheduler s = scheduler(d);
    s.tick(slot.minus(Duration.ofDays(1)));
    f.failWith = "channel_not_found";
    tickThrough(s, slot, slot.plus(Duration.ofHours(8)));
    assertThat(f.posts).isEmpty();
    DigestLedger.Entry e = f.ledger.find(d.key(), slot).orElseThrow();
    assertThat(e.outcome()).isEqualTo(DigestLedger.Outcome.SKIPPED_LATE);
    assertThat(e.detail()).contains("channel_not_found");
    assertThat(e.attempts()).isLessThanOrEqualTo(DigestScheduler.MAX_ATTEMPTS);
  }

  @Test
  void tick_nothingNewAndSkipIfEmpty_postsNothingButRecordsTheSlot() {
    DigestSettings d = daily(Settings.Platform.SLACK, true);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    DigestScheduler s = scheduler(d);
    s.tick(slot.minus(Duration.ofDays(1)));
    s.tick(slot);
    assertThat(f.posts).isEmpty();
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.SKIPPED_EMPTY);
  }

  @Test
  void tick_eachDigestCoversWhatBecameRelevantSinceThePreviousOne() {
    DigestSettings d = daily(Settings.Platform.SLACK, true);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    DigestScheduler s = scheduler(d);
    s.tick(slot.minus(Duration.ofDays(1)));
    f.item("reuters", "Reuters", "US names cartels terrorist organizations in new order",
        "https://www.reuters.com/a", slot.minus(Duration.ofHours(5)), slot.minus(Duration.ofHours(4)));
    s.tick(slot);
    f.item("ap", "AP", "Palantir contract with CIA targets cartel finances",
        "https://apnews.com/b", slot.plus(Duration.ofHours(2)), slot.plus(Duration.ofHours(3)));
    s.tick(slot.plus(Duration.ofDays(1)));

    assertThat(f.posts).hasSize(2);
    assertThat(f.posts.get(0).text()).contains("US names cartels terrorist organizations")
        .contains("https://www.reuters.com/a").doesNotContain("Palantir contract");
    assertThat(f.posts.get(1).text()).contains("Palantir contract with CIA")
        .contains("https://apnews.com/b").doesNotContain("US names cartels terrorist");
  }

  @Test
  void postNow_byHand_coversSinceTheLastPostAndTheNextScheduledOneContinuesFromThere() {
    DigestSettings d = daily(Settings.Platform.SLACK, true);
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    DigestScheduler s = scheduler(d);
    s.tick(slot.minus(Duration.ofDays(1)));
    f.item("reuters", "Reuters", "Cartel designation upheld by court", "https://www.reuters.com/c",
        slot.minus(Duration.ofHours(3)), slot.minus(Duration.ofHours(3)));
    List<String> said = s.postNow(slot.minus(Duration.ofHours(2)), Optional.empty());
    assertThat(said).singleElement().asString().contains("posted (1 items");
    s.tick(slot);
    assertThat(f.posts).hasSize(1); // the scheduled one had nothing new
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.SKIPPED_EMPTY);
  }

  @Test
  void tick_withAnAdminChannel_reportsFeedsFailingForADayOnceADay() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Settings.ChatTarget admin = new Settings.ChatTarget(Settings.Platform.SLACK, "C0ADMIN");
    Digests withFeeds = new Digests(f.feeds, f.history, () -> f.facts, () -> List.of(
        new org.backgrounder.feeds.FeedConfig("reuters", java.net.URI.create(
            "https://example.org/feed"), "Reuters", Optional.empty(), List.of(),
            Duration.ofMinutes(15), true)));
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    org.backgrounder.feeds.FeedState failing = new org.backgrounder.feeds.FeedState("reuters",
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(slot),
        Optional.of(slot.minus(Duration.ofDays(3))), Optional.of(slot), Optional.of("HTTP 503"),
        Optional.of(org.backgrounder.feeds.FeedException.Kind.UNAVAILABLE), 40, Optional.of(slot),
        Optional.empty(), 10, Optional.of(slot.minus(Duration.ofDays(2))));
    f.feeds.saveState(failing);
    DigestScheduler s = new DigestScheduler(List.of(d), withFeeds, f.ledger, f.poster(),
        Set.of(), Optional.of(admin), () -> { }, Clock.systemUTC());
    s.tick(slot.minus(Duration.ofDays(1)));
    tickThrough(s, slot, slot.plus(Duration.ofHours(3)));

    assertThat(f.posts).extracting(DigestFixture.Post::channel)
        .containsExactlyInAnyOrder("C0DESK", "C0ADMIN");
    DigestFixture.Post note = f.posts.stream().filter(p -> p.channel().equals("C0ADMIN"))
        .findFirst().orElseThrow();
    assertThat(note.text()).contains("Reuters (reuters)").contains("HTTP 503").contains("/feed reuters");
  }

  @Test
  void tick_whenPostingThrowsAnError_recordsTheSlotFailed_tellsTheAdmins_andTicksOn() {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    Settings.ChatTarget admin = new Settings.ChatTarget(Settings.Platform.SLACK, "C0ADMIN");
    Instant slot = Instant.parse("2026-11-20T13:30:00Z");
    List<DigestFixture.Post> adminPosts = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
    DigestScheduler.Poster poster = (platform, channel, reply, key) -> {
      if (channel.equals("C0ADMIN")) {
        adminPosts.add(new DigestFixture.Post(platform, channel, reply, key));
      } else if (broken.get()) {
        // What a feed title that overflows a renderer's regex did.
        throw new StackOverflowError();
      } else {
        f.posts.add(new DigestFixture.Post(platform, channel, reply, key));
      }
    };
    DigestScheduler s = new DigestScheduler(List.of(d), f.digests, f.ledger, poster, Set.of(),
        Optional.of(admin), posted::incrementAndGet, Clock.systemUTC());
    s.tick(slot.minus(Duration.ofDays(1)));

    s.tick(slot);

    DigestLedger.Entry e = f.ledger.find(d.key(), slot).orElseThrow();
    assertThat(e.outcome()).isEqualTo(DigestLedger.Outcome.FAILED);
    assertThat(e.detail()).contains("StackOverflowError");
    assertThat(adminPosts).singleElement().satisfies(p -> assertThat(p.text())
        .contains("C0DESK").contains("could not be posted"));
    broken.set(false);
    s.tick(slot.plus(Duration.ofMinutes(5)));
    assertThat(f.posts).hasSize(1);
    assertThat(f.ledger.find(d.key(), slot).orElseThrow().outcome())
        .isEqualTo(DigestLedger.Outcome.POSTED);
  }

  @Test
  void start_aTickThatThrowsAnError_doesNotStopTheNextTicks() throws Exception {
    DigestSettings d = daily(Settings.Platform.SLACK, false);
    AtomicInteger ticks = new AtomicInteger();
    Clock throwing = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        if (Thread.currentThread().getName().equals("digest-scheduler")
            && ticks.incrementAndGet() < 3) {
          throw new StackOverflowError();
        }
        return Instant.parse("2026-11-20T00:00:00Z");
      }
    };
    try (DigestScheduler s = new DigestScheduler(List.of(d), f.digests, f.ledger, f.poster(),
        Set.of(), Optional.empty(), () -> { }, throwing)) {
      s.start(Duration.ofMillis(20));
      org.backgrounder.Eventually.await(Duration.ofSeconds(5), () -> ticks.get() >= 4);
    }
  }
}
