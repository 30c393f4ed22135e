package org.backgrounder.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The date formats real feeds use, for values Rome could not read: RFC 822 with or without the
 * day name or seconds and with named zones, ISO 8601 and W3CDTF with or without a zone (UTC
 * assumed), and plain dates.
 */
public final class FeedDates {

  private static final Map<String, String> ZONES = Map.ofEntries(
      Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"),
      Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
      Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"),
      Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
      Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"), Map.entry("BST", "+0100"),
      Map.entry("IST", "+0530"), Map.entry("JST", "+0900"), Map.entry("AEST", "+1000"));

  /** Formats tried after the day name is dropped and month names are made English. */
  private static final List<DateTimeFormatter> RFC822 = List.of(
      rfc("d MMM yyyy HH:mm[:ss] Z"),
      rfc("d MMM yy HH:mm[:ss] Z"),
      rfc("d MMM yy HHmm Z"),
      rfc("d MMM yyyy HHmm Z"),
      rfc("d MMMM yyyy HH:mm[:ss] Z"),
      rfc("MMM d yyyy hh:mm[:ss] a Z"),
      rfc("MMM d yyyy HH:mm[:ss] Z"),
      rfc("MMM d, yyyy HH:mm[:ss] Z"),
      rfc("MMM d, yyyy hh:mm[:ss] a Z"),
      rfc("MMM d HH:mm:ss Z yyyy"),
      rfc("yyyy-MM-dd HH:mm[:ss] Z"),
      rfc("yyyy/MM/dd HH:mm[:ss] Z"),
      rfc("d MMM yyyy Z"));

  /** Month names of the languages feeds are written in, to their English abbreviation. */
  private static final Map<String, String> MONTHS = Map.ofEntries(
      Map.entry("ene", "Jan"), Map.entry("enero", "Jan"), Map.entry("gen", "Jan"),
      Map.entry("janv", "Jan"), Map.entry("jän", "Jan"), Map.entry("jan", "Jan"),
      Map.entry("febr", "Feb"), Map.entry("févr", "Feb"), Map.entry("fevr", "Feb"),
      Map.entry("fev", "Feb"), Map.entry("fév", "Feb"), Map.entry("febrero", "Feb"),
      Map.entry("mär", "Mar"), Map.entry("märz", "Mar"), Map.entry("mars", "Mar"),
      Map.entry("marzo", "Mar"), Map.entry("abr", "Apr"), Map.entry("abril", "Apr"),
      Map.entry("avr", "Apr"), Map.entry("mai", "May"), Map.entry("mag", "May"),
      Map.entry("mayo", "May"), Map.entry("juin", "Jun"), Map.entry("giu", "Jun"),
      Map.entry("junio", "Jun"), Map.entry("juil", "Jul"), Map.entry("lug", "Jul"),
      Map.entry("julio", "Jul"), Map.entry("ago", "Aug"), Map.entry("août", "Aug"),
      Map.entry("aout", "Aug"), Map.entry("agosto", "Aug"), Map.entry("set", "Sep"),
      Map.entry("sept", "Sep"), Map.entry("septiembre", "Sep"), Map.entry("out", "Oct"),
      Map.entry("ott", "Oct"), Map.entry("okt", "Oct"), Map.entry("octubre", "Oct"),
      Map.entry("noviembre", "Nov"), Map.entry("dic", "Dec"), Map.entry("dez", "Dec"),
      Map.entry("déc", "Dec"), Map.entry("dec", "Dec"), Map.entry("diciembre", "Dec"));

  private FeedDates() {}

  /** Month names made English ("Set" to "Sep", "dic" to "Dec"), day names dropped. */
  private static String english(String s) {
    StringBuilder b = new StringBuilder();
    for (String word : s.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      String w = word.toLowerCase(Locale.ROOT).replace(",", "");
      String m = MONTHS.get(w);
      if (m != null) {
        b.append(m).append(word.endsWith(",") ? "," : "");
      } else {
        b.append(word);
      }
    }
    return b.toString();
  }

  private static DateTimeFormatter rfc(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient()
        .appendPattern(pattern).toFormatter(Locale.ENGLISH);
  }

  /** The instant a feed's date string means, if it is one of the known formats. */
  public static Optional<Instant> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String s = raw.strip().replaceAll("\\s+", " ");
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException ignored) {
      // not ISO with an offset
    }
    try {
      return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant());
    } catch (DateTimeParseException ignored) {
      // not ISO with a zone
    }
    try {
      return Optional.of(LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // not ISO without a zone
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // not a plain date
    }
    String rfc = english(s.replaceAll("\\.(?=\\s|$)", "").replaceFirst("^[^\\d,]{2,12},\\s*", ""));
    int lastSpace = rfc.lastIndexOf(' ');
    if (lastSpace > 0) {
      String zone = rfc.substring(lastSpace + 1).toUpperCase(Locale.ROOT);
      String offset = ZONES.get(zone);
      if (offset != null) {
        rfc = rfc.substring(0, lastSpace) + " " + offset;
      } else if (zone.matches("[+-]\\d{2}:\\d{2}")) {
        rfc = rfc.substring(0, lastSpace) + " " + zone.replace(":", "");
      } else if (!zone.matches("[+-]\\d{4}")) {
        rfc = rfc + " +0000";
      }
    }
    for (DateTimeFormatter f : RFC822) {
      try {
        var parsed = f.parse(rfc);
        int hour = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? parsed.get(ChronoField.HOUR_OF_DAY) : 0;
        int minute = parsed.isSupported(ChronoField.MINUTE_OF_HOUR)
            ? parsed.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int year = parsed.get(ChronoField.YEAR);
        if (year < 100) {
          year += year < 50 ? 2000 : 1900;
        }
        return Optional.of(OffsetDateTime.of(year, parsed.get(ChronoField.MONTH_OF_YEAR),
            parsed.get(ChronoField.DAY_OF_MONTH), hour, minute,
            parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
            0, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))).toInstant());
      } catch (java.time.DateTimeException ignored) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
