package org.backgrounder.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages for a date or a link that the fact-file format does not accept, saying what is
 * wrong with it and, where it is clear, what the editor meant ({@code Feb 20, 2025} is
 * {@code 2025-02-20}; {@code www.example.org/a} is {@code https://www.example.org/a}).
 */
final class Suggestions {

  private static final Pattern NUMERIC = Pattern.compile("(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?");
  private static final Pattern HOST_AND_PATH = Pattern.compile(
      "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(:\\d+)?([/?#]\\S*)?");
  private static final Locale SPANISH = Locale.forLanguageTag("es");

  /** Ways of writing a day that are clear enough to read back (never d/m/y or m/d/y). */
  private static final List<DateTimeFormatter> DAYS = List.of(
      format("MMM d, uuuu", Locale.ENGLISH), format("MMMM d, uuuu", Locale.ENGLISH),
      format("MMM d uuuu", Locale.ENGLISH), format("MMMM d uuuu", Locale.ENGLISH),
      format("d MMM uuuu", Locale.ENGLISH), format("d MMMM uuuu", Locale.ENGLISH),
      format("d MMMM uuuu", SPANISH), format("d 'de' MMMM 'de' uuuu", SPANISH),
      format("uuuu/M/d", Locale.ROOT), format("uuuu.M.d", Locale.ROOT));
  private static final List<DateTimeFormatter> MONTHS = List.of(
      format("MMM uuuu", Locale.ENGLISH), format("MMMM uuuu", Locale.ENGLISH),
      format("MMMM uuuu", SPANISH), format("MMMM 'de' uuuu", SPANISH));

  private Suggestions() {}

  private static DateTimeFormatter format(String pattern, Locale locale) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
        .toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
  }

  /** Why {@code text}, the value of {@code key}, is not a fact-file date. */
  static String badDate(String key, String text) {
    String format = "'" + key + "' must be a date written YYYY-MM-DD, YYYY-MM or YYYY; found '"
        + text + "'";
    Matcher m = NUMERIC.matcher(text);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        return format + " (there is no month " + month + ")";
      }
      YearMonth ym = YearMonth.of(year, month);
      String name = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
      if (m.group(3) != null) {
        int day = Integer.parseInt(m.group(3));
        if (day < 1 || day > ym.lengthOfMonth()) {
          return "'" + key + "' is " + text + ", a day that does not exist: " + name + " has "
              + ym.lengthOfMonth() + " days";
        }
        return format + "; did you mean " + ym.atDay(day) + "?";
      }
      return format + "; did you mean " + ym + "?";
    }
    return meant(text.strip()).map(d -> format + "; did you mean " + d + "?").orElse(format);
  }

  /** {@code text} as YYYY-MM-DD or YYYY-MM, when it is a day or a month written out in words. */
  static Optional<String> meant(String text) {
    // "Feb. 20, 2025" reads as "Feb 20, 2025"; the dots of "2025.02.20" stay.
    String cleaned = (text.matches("\\d{4}\\..*") ? text : text.replace(".", ""))
        .replaceAll("\\s+", " ");
    for (DateTimeFormatter f : DAYS) {
      try {
        return Optional.of(LocalDate.parse(cleaned, f).toString());
      } catch (DateTimeParseException e) {
        // not this way of writing it; try the next
      }
    }
    for (DateTimeFormatter f : MONTHS) {
      try {
        return Optional.of(YearMonth.parse(cleaned, f).toString());
      } catch (DateTimeParseException e) {
        // not this way either
      }
    }
    return Optional.empty();
  }

  /** Why {@code text}, the value of {@code key}, is not a web address the bot may cite. */
  static String badLink(String key, String text) {
    String message = "'" + key + "' must be a full web address starting with http:// or https://;"
        + " found '" + text + "'";
    if (!text.contains("://") && HOST_AND_PATH.matcher(text).matches()) {
      return message + "; did you mean https://" + text + "?";
    }
    return message;
  }
}
