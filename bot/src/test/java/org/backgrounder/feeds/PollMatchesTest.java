package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.backgrounder.TestPaths;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFileLoader;
import org.junit.jupiter.api.Test;

class PollMatchesTest {

  private static FeedItem item(String key, String title, String summary) {
    return new FeedItem(key, "wire", "Wire", title, summary,
        Optional.of(URI.create("https://wire.example.org/" + key)),
        Instant.parse("2026-11-25T10:00:00Z"), false, Optional.of("en"),
        Instant.parse("2026-11-26T12:00:00Z"));
  }

  @Test
  void of_givesBackWhatWasFound_onlyForTheSameTextAndFactBase() {
    FactBase facts = FactFileLoader.standard()
        .load(TestPaths.shippedConfig().resolve("facts"), Path::toString).factBase();
    FeedItem polled = item("a", "Palantir and the Sinaloa Cartel", "Summary");
    List<StoryMatcher.StoryMatch> found = StoryMatcher.of(facts).match(polled.title(),
        polled.summary());
    PollMatches matches = new PollMatches();
    matches.put(facts, polled, found);

    assertThat(found).isNotEmpty();
    assertThat(matches.of(item("a", "Palantir and the Sinaloa Cartel", "Summary"), facts))
        .contains(found);
    assertThat(matches.of(item("a", "Palantir and the Sinaloa Cartel", "Other"), facts)).isEmpty();
    assertThat(matches.of(item("a", "Weather", "Summary"), facts)).isEmpty();
    assertThat(matches.of(item("b", "Palantir and the Sinaloa Cartel", "Summary"), facts)).isEmpty();
    assertThat(matches.of(polled, FactBase.empty())).isEmpty();
    assertThat(matches.size()).isEqualTo(1);
  }
}
