package org.backgrounder.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations editors write: {@code 15m}, {@code 6h}, {@code 1h30m}, {@code 2d}, {@code 90s} or ISO {@code PT6H}. */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)\\s*(d|h|m|s|ms)");

  private Durations() {}

  /**
   * The duration, or {@link IllegalArgumentException} with an example of what is accepted (also
   * for a negative or absurdly long one).
   */
  public static Duration parse(String text) {
    try {
      Duration d = read(text);
      if (d.isNegative()) {
        throw invalid(text);
      }
      return d;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
  }

  private static Duration read(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.startsWith("p")) {
      try {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        throw invalid(text);
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
    }
    if (end == 0 || end != t.length()) {
      throw invalid(text);
    }
    return total;
  }

  /** How a person writes it back: {@code 6h}, {@code 1h30m}, {@code 45s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      b.append(days).append('d');
    }
    if (d.toHoursPart() > 0) {
      b.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      b.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      b.append(d.toSecondsPart()).append('s');
    }
    if (b.length() == 0) {
      b.append(d.toMillis()).append("ms");
    }
    return b.toString();
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 15m, 6h,"
        + " 1h30m or 2d");
  }
}
