package org.backgrounder.feeds;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The one RFC 822 form nearly every RSS pubDate takes, "Tue, 5 May 2026 04:07:36 GMT" (or UTC, or
 * a +hhmm offset), read strictly: English names as written, a four-digit year, values in range, the
 * weekday the date's own. Such a string is read by Rome's mask "EEE, dd MMM yy HH:mm:ss z" as the
 * same instant (a test compares the two); anything else is left to Rome.
 */
final class Rfc822 {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  private Rfc822() {}

  /** The instant of {@code text}, or null when it is not exactly that form. */
  static Date read(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    // "Www, " then a day of one or two digits.
    if (s.length() < 28 || s.charAt(3) != ',' || s.charAt(4) != ' ') {
      return null;
    }
    int dow = indexOf(DAYS, s, 0);
    if (dow < 0) {
      return null;
    }
    int p = 5;
    int day = digits(s, p, s.charAt(p + 1) == ' ' ? 1 : 2);
    p += s.charAt(p + 1) == ' ' ? 2 : 3;
    if (day < 0 || s.charAt(p - 1) != ' ') {
      return null;
    }
    int month = indexOf(MONTHS, s, p);
    if (month < 0 || s.charAt(p + 3) != ' ') {
      return null;
    }
    p += 4;
    // "yyyy HH:mm:ss " is 15 characters, then the zone.
    if (s.length() < p + 17 || s.charAt(p + 4) != ' ' || s.charAt(p + 7) != ':'
        || s.charAt(p + 10) != ':' || s.charAt(p + 13) != ' ') {
      return null;
    }
    int year = digits(s, p, 4);
    int hour = digits(s, p + 5, 2);
    int minute = digits(s, p + 8, 2);
    int second = digits(s, p + 11, 2);
    int offset = offsetSeconds(s.substring(p + 14));
    if (year < 1900 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
        || second > 59 || offset == Integer.MIN_VALUE) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.of(year, month + 1, day);
    } catch (DateTimeException e) {
      return null;
    }
    if (date.getDayOfWeek() != DayOfWeek.of(dow + 1)) {
      return null;
    }
    long epoch = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offset;
    return new Date(epoch * 1000L);
  }

  private static int indexOf(String[] names, String s, int at) {
    for (int i = 0; i < names.length; i++) {
      if (s.startsWith(names[i], at)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of {@code n} ASCII digits at {@code at}, or -1. */
  private static int digits(String s, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** GMT, UTC or +hhmm / -hhmm, in seconds east of UTC; MIN_VALUE for anything else. */
  private static int offsetSeconds(String zone) {
    if (zone.equals("GMT") || zone.equals("UTC")) {
      return 0;
    }
    if (zone.length() != 5 || (zone.charAt(0) != '+' && zone.charAt(0) != '-')) {
      return Integer.MIN_VALUE;
    }
    int hh = digits(zone, 1, 2);
    int mm = digits(zone, 3, 2);
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hh * 3600 + mm * 60;
    return zone.charAt(0) == '-' ? -seconds : seconds;
  }
}
