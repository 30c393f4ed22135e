package org.backgrounder.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One scheduled digest: where it goes, when, and which stories it covers.
 *
 * @param channel a Slack channel id or a Matrix room id
 * @param at local time of day in {@code zone}
 * @param days the weekdays it is posted on (default: every day)
 * @param stories story ids (default: all)
 * @param skipIfEmpty post nothing when nothing is new (default true)
 * @param grace how late a digest missed while the bot was down may still be posted (default 6h)
 */
public record DigestSettings(Settings.Platform platform, String channel, LocalTime at, ZoneId zone,
    Set<DayOfWeek> days, List<String> stories, Boolean skipIfEmpty, Duration grace) {

  public DigestSettings {
    java.util.Objects.requireNonNull(platform, "platform is required (slack or matrix)");
    if (channel == null || channel.isBlank()) {
      throw new IllegalArgumentException("channel is required");
    }
    if (at == null) {
      throw new IllegalArgumentException("at is required, e.g. at: \"08:30\"");
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
    days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    stories = stories == null ? List.of() : List.copyOf(stories);
    skipIfEmpty = skipIfEmpty == null || skipIfEmpty;
    grace = grace == null ? Duration.ofHours(6) : grace;
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
  }

  /** A stable name for the ledger: the same digest keeps its name across restarts. */
  public String key() {
    return platform.id() + ":" + channel + "@" + at + "/" + zone.getId();
  }
}
