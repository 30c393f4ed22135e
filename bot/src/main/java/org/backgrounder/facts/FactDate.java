package org.backgrounder.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as editors know it: a year, a month of a year, or a day ({@code 2025},
 * {@code 2025-02}, {@code 2025-02-20}). Orders by its first day, the less precise first.
 *
 * @param month 1-12, or 0 when only the year is known
 * @param day 1-31, or 0 when only the year or month is known
 */
public record FactDate(int year, int month, int day) implements Comparable<FactDate> {

  private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  private static final String[] MESES = {"enero", "febrero", "marzo", "abril", "mayo", "junio",
      "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"};

  public FactDate {
    if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0 || (month == 0 && day != 0)) {
      throw new IllegalArgumentException("not a date: " + year + "-" + month + "-" + day);
    }
    if (day != 0) {
      LocalDate.of(year, month, day); // throws for February 30th
    }
  }

  /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; empty when it is none of them. */
  public static Optional<FactDate> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      int y = Integer.parseInt(m.group(1));
      int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return Optional.of(new FactDate(y, mo, d));
    } catch (IllegalArgumentException | DateTimeException e) {
      return Optional.empty();
    }
  }

  public static FactDate of(LocalDate date) {
    return new FactDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  public boolean hasDay() {
    return day != 0;
  }

  /** The first day this date covers. */
  public LocalDate start() {
    return LocalDate.of(year, Math.max(1, month), Math.max(1, day));
  }

  /** The last day this date covers. */
  public LocalDate end() {
    if (day != 0) {
      return start();
    }
    if (month != 0) {
      return YearMonth.of(year, month).atEndOfMonth();
    }
    return LocalDate.of(year, 12, 31);
  }

  /** Whether the day or period {@code other} overlaps this one. */
  public boolean overlaps(FactDate other) {
    return !start().isAfter(other.end()) && !other.start().isAfter(end());
  }

  /** How a reader says it: "February 20, 2025", "February 2025", "2025". */
  /** As Spanish readers say it: "20 de febrero de 2025", "febrero de 2025", "2025". */
  public String spokenEs() {
    if (month == 0) {
      return Integer.toString(year);
    }
    if (day == 0) {
      return MESES[month - 1] + " de " + year;
    }
    return day + " de " + MESES[month - 1] + " de " + year;
  }

  public String spoken() {
    if (month == 0) {
      return Integer.toString(year);
    }
    if (day == 0) {
      return MONTHS[month - 1] + " " + year;
    }
    return MONTHS[month - 1] + " " + day + ", " + year;
  }

  @Override
  public int compareTo(FactDate o) {
    int c = start().compareTo(o.start());
    if (c != 0) {
      return c;
    }
    return Integer.compare(precision(), o.precision());
  }

  private int precision() {
    return day != 0 ? 2 : month != 0 ? 1 : 0;
  }

  /** As written in a fact file: {@code 2025}, {@code 2025-02} or {@code 2025-02-20}. */
  @Override
  public String toString() {
    if (month == 0) {
      return String.format("%04d", year);
    }
    if (day == 0) {
      return String.format("%04d-%02d", year, month);
    }
    return String.format("%04d-%02d-%02d", year, month, day);
  }
}
