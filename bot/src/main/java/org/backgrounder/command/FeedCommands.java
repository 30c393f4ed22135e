package org.backgrounder.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.backgrounder.chat.Reply;
import org.backgrounder.config.Durations;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedException;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.text.QueryStrings;

/**
 * {@code /feeds}: each feed's health for the desk (last success, failures, disabled) in plain
 * words, and for admins {@code /feed ID} with the details (address, last error, next poll). A
 * failure's own message names resolved addresses, an outlet's {@code Location} and exception
 * names: only admins see it, and nobody sees a query string.
 */
public final class FeedCommands {

  private FeedCommands() {}

  public static CommandRegistry register(CommandRegistry registry,
      Supplier<List<FeedConfig>> feeds, FeedStore store, Clock clock) {
    registry.register(new CommandSpec("feeds", "/feeds", "Shows how each followed feed is doing.",
        false, r -> health(feeds.get(), store, clock)));
    registry.register(new CommandSpec("feed", "/feed ID", "Shows one feed's address, errors and"
        + " schedule.", true, r -> {
          if (r.args().isBlank()) {
            throw new UserFacingException("Usage: /feed ID (the ids are in /feeds)");
          }
          return details(r.args(), feeds.get(), store, clock);
        }));
    return registry;
  }

  static Reply health(List<FeedConfig> feeds, FeedStore store, Clock clock) {
    if (feeds.isEmpty()) {
      return Reply.info("No feeds are configured (config/feeds.yaml).");
    }
    Instant now = clock.instant();
    List<Reply.Block> blocks = new ArrayList<>();
    int failing = 0;
    int waiting = 0;
    for (FeedConfig f : feeds) {
      FeedState s = store.state(f.id());
      String status;
      if (!f.enabled()) {
        status = "off in the settings";
      } else if (s.disabled()) {
        status = "disabled: " + s.failureKind().map(FeedException.Kind::plainWords)
            .orElse("switched off");
        failing++;
      } else if (s.lastAttempt().isEmpty()) {
        status = "not polled yet";
        waiting++;
      } else if (s.consecutiveFailures() > 0) {
        status = "failing (" + s.consecutiveFailures() + " in a row, last: "
            + s.failureKind().map(FeedException.Kind::plainWords).orElse("failed") + ")"
            + s.lastSuccess()
                .map(t -> "; last success " + ago(now, t)).orElse("; never succeeded");
        failing++;
      } else {
        status = "ok, last success " + s.lastSuccess().map(t -> ago(now, t)).orElse("?");
      }
      blocks.add(new Reply.Entry(List.of(new Reply.Text(f.outlet() + " ("), new Reply.Code(f.id()),
          new Reply.Text("): " + status))));
    }
    blocks.add(0, new Reply.Paragraph(List.of(new Reply.Text(summary(feeds, failing, waiting)))));
    if (failing > 0) {
      blocks.add(new Reply.Notice(List.of(new Reply.Text("Admins see the details with "),
          new Reply.Code("/feed ID"))));
    }
    return new Reply(Reply.Kind.INFO, blocks, List.of(), Optional.empty(), Optional.empty());
  }

  /** "14 feeds, all healthy.", "14 feeds, not polled yet.", "14 feeds: 2 with trouble." */
  private static String summary(List<FeedConfig> feeds, int failing, int waiting) {
    String count = feeds.size() + (feeds.size() == 1 ? " feed" : " feeds");
    long enabled = feeds.stream().filter(FeedConfig::enabled).count();
    if (failing == 0 && waiting == 0) {
      return count + ", all healthy.";
    }
    if (failing == 0 && waiting == enabled) {
      return count + ", not polled yet.";
    }
    List<String> parts = new ArrayList<>();
    if (failing > 0) {
      parts.add(failing + " with trouble");
    }
    if (waiting > 0) {
      parts.add(waiting + " not polled yet");
    }
    return count + ": " + String.join(", ", parts) + ".";
  }

  static Reply details(String id, List<FeedConfig> feeds, FeedStore store, Clock clock) {
    FeedConfig f = feeds.stream().filter(x -> x.id().equals(id.strip())).findFirst()
        .orElseThrow(() -> new UserFacingException("No feed is called " + id.strip()
            + "; /feeds lists them."));
    FeedState s = store.state(f.id());
    Instant now = clock.instant();
    return Reply.info(
        f.outlet() + " (" + f.id() + ")",
        QueryStrings.hide("Address: " + s.currentUrl().orElse(f.url()) + (s.currentUrl()
            .isPresent() ? " (moved from " + f.url() + ")" : "")),
        "Polled every " + Durations.format(f.interval()) + "; next poll "
            + s.nextPoll().map(t -> t.isAfter(now) ? "in " + Durations.format(
                Duration.between(now, t).withNanos(0)) : "now").orElse("now"),
        "Last success: " + s.lastSuccess().map(t -> ago(now, t)).orElse("never"),
        "Last failure: " + s.lastFailure().map(t -> ago(now, t) + ": "
            + QueryStrings.hide(s.failureReason().orElse("?"))).orElse("none"),
        "Failures in a row: " + s.consecutiveFailures()
            + s.disabledReason().map(d -> "; disabled: " + QueryStrings.hide(d)).orElse(""));
  }

  static String ago(Instant now, Instant then) {
    Duration d = Duration.between(then, now);
    if (d.isNegative() || d.toMinutes() < 1) {
      return "just now";
    }
    return Durations.format(d.toDays() > 0 ? Duration.ofDays(d.toDays()).plusHours(d.toHoursPart())
        : d.withSeconds(d.toMinutes() * 60)) + " ago";
  }
}
