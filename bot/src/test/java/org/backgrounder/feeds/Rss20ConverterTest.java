package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.impl.ConverterForRSS20;
import com.rometools.rome.feed.synd.impl.Converters;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rss20ConverterTest {

  private static final String FEED = """
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel><title>Wire</title><link>https://a.example/</link><description>d</description>
      <dc:creator>Desk</dc:creator>
      <item><title>One</title><link>https://a.example/1</link><guid>https://a.example/g1</guid>
        <author>ana@a.example (Ana)</author><dc:creator>Ana</dc:creator><dc:creator>Luis</dc:creator>
        <category>World</category><category domain="https://a.example/t">World</category>
        <category>World</category><category>Justice</category>
        <dc:subject>Border</dc:subject><dc:date>2025-03-01T10:00:00Z</dc:date>
        <pubDate>Sun, 02 Mar 2025 10:00:00 GMT</pubDate><comments>https://a.example/1#c</comments>
        <enclosure url="https://a.example/1.mp3" length="1" type="audio/mpeg"/>
        <description>&lt;p&gt;Sum&lt;/p&gt;</description><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
      </item>
      <item><dc:title>Only Dublin Core</dc:title><guid isPermaLink="true">https://a.example/2</guid>
        <pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>
      <item><title>Bare</title><link>https://a.example/3</link></item>
      </channel></rss>""";

  private static WireFeed wire() throws Exception {
    return new WireFeedInput().build(new StringReader(FEED));
  }

  @Test
  void entries_comeOutAsRomesOwnConverterMakesThem() throws Exception {
    SyndFeedImpl ours = new SyndFeedImpl();
    new Rss20Converter().copyInto(wire(), ours);
    SyndFeedImpl romes = new SyndFeedImpl();
    new ConverterForRSS20().copyInto(wire(), romes);

    assertThat(ours.getEntries()).hasSize(3).isEqualTo(romes.getEntries());
    for (int i = 0; i < 3; i++) {
      assertThat(ours.getEntries().get(i).toString()).isEqualTo(romes.getEntries().get(i).toString());
    }
    SyndEntry first = ours.getEntries().get(0);
    assertThat(first.getCategories()).extracting(SyndCategory::getName)
        .containsExactly("World", "World", "Justice");
    assertThat(((DCModule) first.getModule(DCModule.URI)).getCreators())
        .containsExactly("Ana", "Luis", "ana@a.example (Ana)");
    assertThat(first.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(((DCModule) ours.getEntries().get(1).getModule(DCModule.URI)).getTitle())
        .isEqualTo("Only Dublin Core");
    assertThat(ours.getEntries().get(1).getLink()).isEqualTo("https://a.example/2");
  }

  @Test
  void rss20_isConvertedByOurConverter() {
    assertThat(new Converters().getConverter("rss_2.0")).isInstanceOf(Rss20Converter.class);
  }
}
