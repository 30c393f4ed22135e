package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemIdentityTest {

  private static ParsedFeed.Entry entry(String id, String link, String title) {
    return new ParsedFeed.Entry(Optional.ofNullable(id), Optional.ofNullable(link), title, "",
        Optional.empty(), Optional.empty());
  }

  @Test
  void canonical_dropsFragmentTrackingAndDefaultPort_lowersSchemeAndHost() {
    assertThat(ItemIdentity.canonical("HTTPS://News.Example.ORG:443/World/Story?id=7&utm_source=rss"
        + "&utm_medium=feed&fbclid=abc#top")).contains("https://news.example.org/World/Story?id=7");
    assertThat(ItemIdentity.canonical("http://a.example/x?utm_campaign=y")).contains("http://a.example/x");
    assertThat(ItemIdentity.canonical("not a url")).isEmpty();
  }

  @Test
  void key_prefersGuidThenLinkThenHash() {
    assertThat(ItemIdentity.key("f", "O", entry("abc-1", "https://a.example/1", "T")))
        .isEqualTo("guid:f:abc-1");
    assertThat(ItemIdentity.key("f", "O", entry("https://a.example/1#x", null, "T")))
        .isEqualTo("guid:https://a.example/1");
    assertThat(ItemIdentity.key("f", "O", entry(null, "https://a.example/1?utm_source=z", "T")))
        .isEqualTo("link:https://a.example/1");
    assertThat(ItemIdentity.key("f", "O", entry(null, null, "Título"))).startsWith("hash:")
        .isEqualTo(ItemIdentity.key("f", "O", entry(null, null, "  TITULO ")));
    assertThat(ItemIdentity.key("f", "O", entry(null, null, "T")))
        .isNotEqualTo(ItemIdentity.key("f", "Other outlet", entry(null, null, "T")));
  }
}
