package org.backgrounder.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.config.Settings;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static DigestSettings at(String time, ZoneId zone, Set<DayOfWeek> days) {
    return new DigestSettings(Settings.Platform.SLACK, "C0123ABCD", LocalTime.parse(time), zone,
        days, List.of(), true, Duration.ofHours(6));
  }

  @Test
  void between_acrossSpringForward_keepsTheLocalTimeAndOneSlotADay() {
    DigestSettings d = at("08:30", NEW_YORK, EnumSet.allOf(DayOfWeek.class));
    // 2026-03-08: clocks go from 02:00 EST to 03:00 EDT.
    List<Instant> slots = Schedule.between(d, Instant.parse("2026-03-06T00:00:00Z"),
        Instant.parse("2026-03-10T00:00:00Z"));
    assertThat(slots).containsExactly(
        Instant.parse("2026-03-06T13:30:00Z"),
        Instant.parse("2026-03-07T13:30:00Z"),
        Instant.parse("2026-03-08T12:30:00Z"),
        Instant.parse("2026-03-09T12:30:00Z"));
  }

  @Test
  void slotOn_aTimeInTheSpringGap_movesForwardByTheGap() {
    DigestSettings d = at("02:30", NEW_YORK, EnumSet.allOf(DayOfWeek.class));
    assertThat(Schedule.slotOn(d, LocalDate.parse("2026-03-08")))
        .isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    assertThat(Schedule.between(d, Instant.parse("2026-03-07T12:00:00Z"),
        Instant.parse("2026-03-09T12:00:00Z"))).hasSize(2);
  }

  @Test
  void slotOn_aTimeRepeatedInTheFall_isTheFirstOfTheTwo() {
    DigestSettings d = at("01:30", NEW_YORK, EnumSet.allOf(DayOfWeek.class));
    // 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    assertThat(Schedule.between(d, Instant.parse("2026-11-01T00:00:00Z"),
        Instant.parse("2026-11-02T00:00:00Z")))
        .containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
  }

  @Test
  void between_weekdaysOnly_skipsTheWeekend() {
    DigestSettings d = at("08:30", ZoneId.of("America/Mexico_City"), EnumSet.range(
        DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    // Friday 2026-11-27 to Tuesday 2026-12-01.
    assertThat(Schedule.between(d, Instant.parse("2026-11-27T00:00:00Z"),
        Instant.parse("2026-12-01T23:00:00Z"))).containsExactly(
        Instant.parse("2026-11-27T14:30:00Z"),
        Instant.parse("2026-11-30T14:30:00Z"),
        Instant.parse("2026-12-01T14:30:00Z"));
  }

  @Test
  void previousAndNext_skipDaysNotScheduled() {
    DigestSettings d = at("08:30", ZoneId.of("UTC"), EnumSet.of(DayOfWeek.MONDAY));
    Instant wednesday = Instant.parse("2026-11-25T12:00:00Z");
    assertThat(Schedule.previous(d, wednesday)).contains(Instant.parse("2026-11-23T08:30:00Z"));
    assertThat(Schedule.next(d, wednesday)).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    assertThat(Schedule.next(d, Instant.parse("2026-11-30T08:30:00Z")))
        .isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
  }
}
