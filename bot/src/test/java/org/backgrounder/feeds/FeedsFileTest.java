package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.backgrounder.TestPaths;
import org.backgrounder.yaml.Problem;
import org.junit.jupiter.api.Test;

class FeedsFileTest {

  @Test
  void shippedFeeds_areValidRealOutletsInBothLanguages() {
    FeedsFile.Result r = FeedsFile.load(TestPaths.shippedConfig(), Set.of("cartels-fto"));

    assertThat(r.problems()).isEmpty();
    assertThat(r.feeds()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(r.feeds()).extracting(f -> f.language().orElse("")).contains("en", "es");
    assertThat(r.feeds()).allSatisfy(f -> assertThat(f.url().getScheme()).isEqualTo("https"));
  }

  @Test
  void everyProblem_isReportedWithItsPosition() {
    String text = """
        feeds:
          - id: Bad Id
            url: ftp://example.org/feed
            outlet: O
          - id: ok
            url: https://example.org/feed
            outlet: O
            interval: 10s
            stories: [nope]
          - id: ok
            url: https://example.org/other
            outlt: O
        """;

    FeedsFile.Result r = FeedsFile.parse(text, "feeds.yaml", Path.of("."), Set.of("cartels-fto"));

    assertThat(r.problems()).map(Problem::toString).containsExactly(
        "feeds.yaml:2:9: feed id 'Bad Id' is not a slug: use lower-case letters, digits and '-'",
        "feeds.yaml:3:10: 'url' must be an http:// or https:// address, or file: for a snapshot;"
            + " found 'ftp://example.org/feed'",
        "feeds.yaml:8:15: interval 10s is too short; poll at most once a minute",
        "feeds.yaml:9:15: warning: story 'nope' is not in the fact files; this feed will not count for it",
        "feeds.yaml:10:5: a feed is missing 'outlet' (required)",
        "feeds.yaml:10:9: duplicate feed id 'ok' (first used at line 5)",
        "feeds.yaml:12:5: unknown key 'outlt' in a feed; did you mean 'outlet'?");
    assertThat(r.feeds()).isEmpty();
  }

  @Test
  void defaults_andFileUrlsRelativeToTheConfigFolder() {
    FeedsFile.Result r = FeedsFile.parse("feeds:\n  - {id: snap, url: 'file:snapshots/a.xml', outlet: O}\n",
        "feeds.yaml", Path.of("/srv/config"), Set.of());

    FeedConfig f = r.feeds().get(0);
    assertThat(f.url().toString()).isEqualTo("file:///srv/config/snapshots/a.xml");
    assertThat(f.interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(f.enabled()).isTrue();
    assertThat(f.feeds("any-story")).isTrue();
  }
}
