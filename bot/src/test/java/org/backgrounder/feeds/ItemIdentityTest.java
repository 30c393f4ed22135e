package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.backgrounder.facts.Links;
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

  /** Links as feeds write them: canonical already, or not, or no web link at all. */
  private static final List<String> LINKS = List.of("https://a.example/news/1-x",
      "https://a.example/", "https://a.example", "HTTPS://A.example/x", "https://a.example:443/x",
      "http://a.example:8080/x?id=1", "https://a.example/x?utm_source=rss&id=2",
      "https://a.example/x#top", " https://a.example/pad ", "https://user@a.example/x",
      "https://a.example/%E2%82%AC?q=%20", "https://[::1]/x", "ftp://a.example/f",
      "mailto:desk@a.example", "urn:isbn:0451450523", "/relative", "https:///nohost",
      "https://a.example/a b", "not a url");

  @Test
  void canonicalLink_isCanonical_andItsWebLinkIsWhatLinksReadsOfIt() {
    for (String link : LINKS) {
      Optional<ItemIdentity.CanonicalLink> c = ItemIdentity.canonicalLink(link);
      assertThat(c.map(ItemIdentity.CanonicalLink::text)).as(link)
          .isEqualTo(ItemIdentity.canonical(link));
      assertThat(c.flatMap(ItemIdentity.CanonicalLink::webLink)).as(link)
          .isEqualTo(ItemIdentity.canonical(link).flatMap(Links::parseWebLink));
    }
    assertThat(ItemIdentity.canonicalLink("https://a.example/news/1-x").orElseThrow().webLink())
        .contains(URI.create("https://a.example/news/1-x"));
    assertThat(ItemIdentity.canonicalLink("HTTPS://A.example/x#f").orElseThrow().webLink())
        .contains(URI.create("https://a.example/x"));
    assertThat(ItemIdentity.canonicalLink("ftp://a.example/f").orElseThrow().webLink()).isEmpty();
  }

  @Test
  void key_givenTheCanonicalLink_isTheKeyWithout() {
    for (String link : LINKS) {
      for (String id : java.util.Arrays.asList(null, "g-1", "https://a.example/g#x")) {
        ParsedFeed.Entry e = entry(id, link, "Title");
        assertThat(ItemIdentity.key("f", "O", e, ItemIdentity.canonical(link))).as(link)
            .isEqualTo(ItemIdentity.key("f", "O", e));
      }
    }
  }
}
