package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.FeedParsers;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jdom2.Document;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

class Rfc822Test {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS =
      {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

  @Test
  void read_readsWhatRomeReads_onGeneratedDates() {
    Random random = new Random(15);
    int read = 0;
    for (int i = 0; i < 20_000; i++) {
      String date = generated(random);
      Date ours = Rfc822.read(date);
      Date rome = DateParser.parseDate(date, Locale.US);
      if (ours != null) {
        read++;
        assertThat(ours).as(date).isEqualTo(rome);
      }
    }
    // Most generated dates are the well-formed kind; the rest go to Rome.
    assertThat(read).isGreaterThan(10_000).isLessThan(20_000);
  }

  @Test
  void read_leavesOtherFormsToRome() {
    assertThat(Rfc822.read("Tue, 5 May 2026 04:07:36 GMT"))
        .isEqualTo(Date.from(Instant.parse("2026-05-05T04:07:36Z")));
    assertThat(Rfc822.read(" Thu, 05 Jun 2025 23:59:59 +0200 "))
        .isEqualTo(Date.from(Instant.parse("2025-06-05T21:59:59Z")));
    for (String other : List.of("Wed, 5 May 2026 04:07:36 GMT", "Fri, 31 Feb 2025 10:00:00 GMT",
        "Tue, 10 Jun 25 04:00:00 GMT", "Sat, 07 Jun 2025 08:00:00 EST", "Mon, 09 Jun 2025 12:00 GMT",
        "tue, 10 Jun 2025 04:00:00 GMT", "Tue, 10 Jun 2025 24:00:00 GMT", "2025-06-10T04:00:00Z",
        "Tue, 10 Jun 2025 04:00:00 +02:00", "Tue, 10 Jun 2025 04:00:00 GMT+2", "", "Tue,")) {
      assertThat(Rfc822.read(other)).as(other).isNull();
    }
  }

  @Test
  void rss20_isReadByOurParser() throws Exception {
    Document doc = new SAXBuilder().build(new StringReader(
        "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"));
    assertThat(new FeedParsers().getParserFor(doc)).isInstanceOf(Rss20Parser.class);
  }

  /** Mostly well-formed dates in every zone form, with some wrong weekdays, days and fields. */
  private static String generated(Random random) {
    ZonedDateTime t = ZonedDateTime.ofInstant(
        Instant.ofEpochSecond(946_684_800L + (long) (random.nextDouble() * 1_100_000_000L)),
        ZoneOffset.UTC);
    int offsetMinutes = (random.nextInt(57) - 28) * 30;
    String zone = switch (random.nextInt(4)) {
      case 0 -> "GMT";
      case 1 -> "UTC";
      default -> String.format("%s%02d%02d", offsetMinutes < 0 ? "-" : "+",
          Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
    };
    String weekday = DAYS[t.getDayOfWeek().getValue() - 1];
    int day = t.getDayOfMonth();
    int hour = t.getHour();
    switch (random.nextInt(12)) {
      case 0 -> weekday = DAYS[random.nextInt(7)];
      case 1 -> day = 28 + random.nextInt(5);
      case 2 -> hour = random.nextInt(26);
      default -> { }
    }
    String dayText = random.nextBoolean() ? String.valueOf(day) : String.format("%02d", day);
    return String.format("%s, %s %s %d %02d:%02d:%02d %s", weekday, dayText,
        MONTHS[t.getMonthValue() - 1], t.getYear(), hour, t.getMinute(), t.getSecond(), zone);
  }
}
