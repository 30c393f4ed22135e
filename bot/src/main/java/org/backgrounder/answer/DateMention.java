package org.backgrounder.answer;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date a question names ("February 20, 2025", "20 de febrero de 2025", "in 2019", "2025-02",
 * "on Feb 20"), with where it was written so its words are not also searched for.
 *
 * @param year the year, or 0 when the question did not say (the engine picks one the facts have)
 * @param month 1-12, or 0 for a whole year
 * @param day 1-31, or 0 for a whole month or year
 */
record DateMention(int year, int month, int day, Relation relation, int start, int end) {

  /** Whether the question means the date itself, or the time before or after it. */
  enum Relation { ON, BEFORE, UNTIL, SINCE, AFTER }

  private static final Pattern RELATION = Pattern.compile(
      "(before|prior to|antes de|antes del|until|till|hasta|since|desde|after|despues de|despues del)"
      + "\\s+(?:the\\s+|el\\s+|la\\s+)?$");

  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH = "(january|february|march|april|may|june|july|august|september"
      + "|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|enero|febrero"
      + "|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)";
  private static final String ORD = "(?:st|nd|rd|th|o|º)?";
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})(?:-(\\d{1,2}))?\\b");
  private static final Pattern MDY = Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})" + ORD
      + ",?\\s+(?:of\\s+|de\\s+|del\\s+)?(\\d{4})\\b");
  private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})" + ORD + "\\s+(?:of\\s+|de\\s+)?"
      + MONTH + "\\.?,?\\s+(?:of\\s+|de\\s+|del\\s+)?(\\d{4})\\b");
  private static final Pattern MY = Pattern.compile("\\b" + MONTH + "\\.?,?\\s+(?:of\\s+|de\\s+|del\\s+)?"
      + "(\\d{4})\\b");
  private static final Pattern MD = Pattern.compile("\\b" + MONTH + "\\.?\\s+(\\d{1,2})" + ORD + "\\b");
  private static final Pattern DM = Pattern.compile("\\b(\\d{1,2})" + ORD + "\\s+(?:of\\s+|de\\s+)?"
      + MONTH + "\\b");
  private static final Pattern M = Pattern.compile("\\b(?:in|en|during|durante|since|desde|of|de)\\s+"
      + MONTH + "\\b");
  /** A month named alone ("the feb transfers"); not "may", "march" or "mar", which are words too. */
  private static final Pattern BARE = Pattern.compile("\\b(january|february|april|june|july|august"
      + "|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec|enero"
      + "|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
      + "|diciembre)\\b");
  private static final Pattern Y = Pattern.compile("\\b(1[89]\\d{2}|20\\d{2})\\b");

  /** Folded text without its years and its days with their month ("march 6", "6 de marzo"). */
  static String withoutDates(String folded) {
    String s = MD.matcher(folded).replaceAll(" ");
    s = DM.matcher(s).replaceAll(" ");
    return Y.matcher(s).replaceAll(" ");
  }

  DateMention {
    if (month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0)) {
      throw new IllegalArgumentException("not a date");
    }
    java.util.Objects.requireNonNull(relation, "relation");
  }

  /** Every date the question names, first the most precise; none overlap. */
  static List<DateMention> find(String question) {
    String text = foldSameLength(question);
    List<DateMention> found = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    scan(ISO, text, taken, found, m -> of(num(m, 1), num(m, 2), m.group(3) == null ? 0 : num(m, 3), m));
    scan(MDY, text, taken, found, m -> of(num(m, 3), month(m.group(1)), num(m, 2), m));
    scan(DMY, text, taken, found, m -> of(num(m, 3), month(m.group(2)), num(m, 1), m));
    scan(MY, text, taken, found, m -> of(num(m, 2), month(m.group(1)), 0, m));
    scan(MD, text, taken, found, m -> of(0, month(m.group(1)), num(m, 2), m));
    scan(DM, text, taken, found, m -> of(0, month(m.group(2)), num(m, 1), m));
    scan(M, text, taken, found, m -> of(0, month(m.group(1)), 0, m));
    scan(BARE, text, taken, found, m -> of(0, month(m.group(1)), 0, m));
    scan(Y, text, taken, found, m -> of(num(m, 1), 0, 0, m));
    return found;
  }

  /** The days this mention covers in {@code year} (its own year when it has one). */
  Optional<org.backgrounder.index.Queries.DateRange> range(int inYear) {
    int y = year != 0 ? year : inYear;
    LocalDate from;
    LocalDate to;
    try {
      if (month == 0) {
        from = LocalDate.of(y, 1, 1);
        to = LocalDate.of(y, 12, 31);
      } else if (day == 0) {
        YearMonth ym = YearMonth.of(y, month);
        from = ym.atDay(1);
        to = ym.atEndOfMonth();
      } else {
        from = LocalDate.of(y, month, day);
        to = from;
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    LocalDate first = LocalDate.of(1000, 1, 1);
    LocalDate last = LocalDate.of(9999, 12, 31);
    return Optional.of(switch (relation) {
      case ON -> new org.backgrounder.index.Queries.DateRange(from, to);
      case BEFORE -> new org.backgrounder.index.Queries.DateRange(first, from.minusDays(1));
      case UNTIL -> new org.backgrounder.index.Queries.DateRange(first, to);
      case SINCE -> new org.backgrounder.index.Queries.DateRange(from, last);
      case AFTER -> new org.backgrounder.index.Queries.DateRange(to.plusDays(1), last);
    });
  }

  /** How it reads: "February 20, 2025", "February 2025", "2019", "February 20". */
  String spoken() {
    String[] names = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    if (month == 0) {
      return Integer.toString(year);
    }
    String m = names[month - 1];
    if (day == 0) {
      return year == 0 ? m : m + " " + year;
    }
    return year == 0 ? m + " " + day : m + " " + day + ", " + year;
  }

  private interface Maker {
    DateMention make(Matcher m);
  }

  private static void scan(Pattern p, String text, boolean[] taken, List<DateMention> out, Maker maker) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      boolean free = true;
      for (int i = m.start(); i < m.end(); i++) {
        if (taken[i]) {
          free = false;
          break;
        }
      }
      if (!free) {
        continue;
      }
      DateMention d;
      try {
        d = maker.make(m);
      } catch (IllegalArgumentException | DateTimeException e) {
        d = null;
      }
      if (d != null) {
        d = d.withRelation(text);
        out.add(d);
        for (int i = d.start(); i < d.end(); i++) {
          taken[i] = true;
        }
      }
    }
  }

  private static DateMention of(int year, int month, int day, Matcher m) {
    if (day != 0 && year != 0) {
      LocalDate.of(year, month, day); // throws for February 30th
    }
    if (day > 31) {
      throw new IllegalArgumentException("day");
    }
    return new DateMention(year, month, day, Relation.ON, m.start(), m.end());
  }

  /** The same mention, reaching back over a preposition that changes its meaning ("before"). */
  private DateMention withRelation(String text) {
    String before = text.substring(Math.max(0, start - 20), start);
    Matcher r = RELATION.matcher(before);
    if (!r.find()) {
      return this;
    }
    Relation rel = switch (r.group(1)) {
      case "before", "prior to", "antes de", "antes del" -> Relation.BEFORE;
      case "until", "till", "hasta" -> Relation.UNTIL;
      case "since", "desde" -> Relation.SINCE;
      default -> Relation.AFTER;
    };
    return new DateMention(year, month, day, rel, start - (before.length() - r.start()), end);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int month(String name) {
    Integer n = MONTHS.get(name);
    if (n == null) {
      throw new IllegalArgumentException("month " + name);
    }
    return n;
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> m = new java.util.HashMap<>();
    String[][] names = {
        {"january", "jan", "enero"}, {"february", "feb", "febrero"}, {"march", "mar", "marzo"},
        {"april", "apr", "abril"}, {"may", "mayo"}, {"june", "jun", "junio"},
        {"july", "jul", "julio"}, {"august", "aug", "agosto"},
        {"september", "sep", "sept", "septiembre", "setiembre"}, {"october", "oct", "octubre"},
        {"november", "nov", "noviembre"}, {"december", "dec", "diciembre"}};
    for (int i = 0; i < names.length; i++) {
      for (String n : names[i]) {
        m.put(n, i + 1);
      }
    }
    return m;
  }

  /** Lower case, accents removed, one character for one character (positions stay valid). */
  static String foldSameLength(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b.append(Character.toLowerCase(c));
        continue;
      }
      String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char base = d.isEmpty() ? c : d.charAt(0);
      b.append(Character.toLowerCase(base));
    }
    return b.toString();
  }
}
