package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FactDateTest {

  @Test
  void parse_threePrecisions_keepWhatWasWritten() {
    assertThat(FactDate.parse("2025-02-20")).contains(new FactDate(2025, 2, 20));
    assertThat(FactDate.parse("2025-02")).contains(new FactDate(2025, 2, 0));
    assertThat(FactDate.parse("2025")).contains(new FactDate(2025, 0, 0));
    assertThat(FactDate.parse("2025-02-20").orElseThrow()).hasToString("2025-02-20");
    assertThat(FactDate.parse("2025-02").orElseThrow()).hasToString("2025-02");
  }

  @Test
  void parse_impossibleOrOddDates_areRejected() {
    assertThat(FactDate.parse("2025-02-29")).isEmpty();
    assertThat(FactDate.parse("2025-13")).isEmpty();
    assertThat(FactDate.parse("2025-00-10")).isEmpty();
    assertThat(FactDate.parse("25-02-20")).isEmpty();
    assertThat(FactDate.parse("2025/02/20")).isEmpty();
    assertThat(FactDate.parse("February 2025")).isEmpty();
    assertThat(FactDate.parse("2024-02-29")).isPresent();
  }

  @Test
  void spoken_readsLikeANewsroomWritesDates() {
    assertThat(new FactDate(2025, 2, 20).spoken()).isEqualTo("February 20, 2025");
    assertThat(new FactDate(2025, 2, 0).spoken()).isEqualTo("February 2025");
    assertThat(new FactDate(2025, 0, 0).spoken()).isEqualTo("2025");
  }

  @Test
  void overlaps_monthContainsItsDays() {
    FactDate feb = new FactDate(2025, 2, 0);
    assertThat(feb.overlaps(new FactDate(2025, 2, 20))).isTrue();
    assertThat(feb.overlaps(new FactDate(2025, 3, 1))).isFalse();
    assertThat(new FactDate(2025, 0, 0).overlaps(feb)).isTrue();
    assertThat(feb.end()).isEqualTo(LocalDate.of(2025, 2, 28));
  }

  @Test
  void compareTo_ordersByStartThenPrecision() {
    assertThat(new FactDate(2025, 2, 0)).isLessThan(new FactDate(2025, 2, 1));
    assertThat(new FactDate(2025, 1, 31)).isLessThan(new FactDate(2025, 2, 0));
  }

  @Test
  void constructor_dayWithoutMonth_fails() {
    assertThatThrownBy(() -> new FactDate(2025, 0, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
