package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedParserTest {

  private static final URI BASE = URI.create("https://news.example.org/feed.xml");

  private static ParsedFeed parse(String xml) throws FeedException {
    return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), Optional.empty(), BASE);
  }

  private static FeedException.Kind refusal(byte[] body, Optional<String> type) {
    try {
      FeedParser.parse(body, type, BASE);
      return null;
    } catch (FeedException e) {
      return e.kind();
    }
  }

  @Test
  void rss2_itemsWithHtmlAndRelativeLinks() throws FeedException {
    ParsedFeed f = parse("""
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Wire &amp; Co</title><link>https://news.example.org/</link>
        <item><title>Cartel &lt;b&gt;leader&lt;/b&gt; held</title><link>/world/1?utm_source=x</link>
        <guid isPermaLink="false">a-1</guid><description><![CDATA[<p>First&nbsp;line.</p><script>x()</script>
        <p>Second.</p>]]></description><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>
        </channel></rss>""");

    assertThat(f.format()).isEqualTo("rss_2.0");
    assertThat(f.title()).isEqualTo("Wire & Co");
    ParsedFeed.Entry e = f.entries().get(0);
    assertThat(e.title()).isEqualTo("Cartel leader held");
    assertThat(e.summary()).isEqualTo("First line. Second.");
    assertThat(e.link()).contains("https://news.example.org/world/1?utm_source=x");
    assertThat(e.id()).contains("a-1");
    assertThat(e.published()).contains(Instant.parse("2025-06-10T04:00:00Z"));
  }

  @Test
  void absolute_linksWithAScheme_areKeptAsWritten_othersResolvedAsBefore() {
    List<String> links = List.of("https://a.example/x", "HTTP://A.example/x#f", "mailto:d@a.example",
        "urn:isbn:1", "a+b.c-d:x", "javascript:alert(1)", "1abc:foo", ":nope", "/rel/path", "rel",
        "?q=1", "//cdn.example/x", "https://a.example/a b", "ht tp://x", "https://a.example/%zz",
        "https://a.example/[x]", "C:\\dir\\f", "https://\u00fcn.example/\u00fc", " https://a.example/p ",
        "https://a.example/x?y=1&z", "news.example.org:80/x", "-x:y", "x/y:z");
    for (URI base : List.of(BASE, URI.create("file:///tmp/feed.xml"))) {
      for (String link : links) {
        assertThat(FeedParser.absolute(base, link)).as(link).isEqualTo(absoluteAsBefore(base, link));
      }
    }
    assertThat(FeedParser.absolute(BASE, "/rel/path")).contains("https://news.example.org/rel/path");
    assertThat(FeedParser.absolute(BASE, "https://a.example/a b")).contains("https://a.example/a%20b");
  }

  /** What FeedParser did with every link before it kept those with a scheme as written. */
  private static Optional<String> absoluteAsBefore(URI base, String link) {
    String l = link.strip();
    try {
      URI u = new URI(l.replace(" ", "%20"));
      if (!u.isAbsolute() && base != null && base.isAbsolute()
          && !"file".equalsIgnoreCase(base.getScheme())) {
        u = base.resolve(u);
      }
      return Optional.of(u.toString());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.of(l);
    }
  }

  @Test
  void decode_readsEveryEncodingAsReadingItThroughAReaderDid() throws Exception {
    java.util.Random r = new java.util.Random(23);
    List<byte[]> bodies = new java.util.ArrayList<>();
    String xml = "<?xml version=\"1.0\" encoding=\"%s\"?><rss><channel><title>%s</title></channel></rss>";
    String text = "Caf\u00e9 \u2013 \u65e5\u672c \ufffd \u20ac \ud83d\ude00 na\u00efve";
    for (String enc : List.of("UTF-8", "ISO-8859-1", "windows-1252", "UTF-16", "UTF-16LE",
        "Shift_JIS", "GB18030", "KOI8-R")) {
      bodies.add(String.format(xml, enc, text).getBytes(Charset.forName(enc)));
    }
    bodies.add(("\uFEFF" + String.format(xml, "UTF-8", text)).getBytes(StandardCharsets.UTF_8));
    bodies.add(String.format(xml, "UTF-8", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
    bodies.add(String.format(xml, "UTF-8", "\ufffd then \u00e9").getBytes(Charset.forName("windows-1252")));
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[r.nextInt(200)];
      r.nextBytes(b);
      byte[] prolog = String.format(xml, List.of("UTF-8", "ISO-8859-1", "UTF-16", "Shift_JIS")
          .get(i % 4), "").substring(0, 40).getBytes(StandardCharsets.US_ASCII);
      byte[] body = java.util.Arrays.copyOf(prolog, prolog.length + b.length);
      System.arraycopy(b, 0, body, prolog.length, b.length);
      bodies.add(i % 5 == 0 ? b : body);
    }
    for (byte[] body : bodies) {
      for (Optional<String> type : List.of(Optional.<String>empty(),
          Optional.of("application/rss+xml; charset=ISO-8859-1"))) {
        assertThat(FeedParser.decode(body, type)).isEqualTo(decodedThroughAReader(body, type));
      }
    }
    assertThat(FeedParser.decode(bodies.get(0), Optional.empty())).contains(text);
    assertThat(FeedParser.decode(bodies.get(9), Optional.empty())).contains("caf\u00e9");
  }

  /** How FeedParser decoded a document before: the charset checked, then read by a Reader. */
  private static String decodedThroughAReader(byte[] body, Optional<String> contentType)
      throws Exception {
    String encoding;
    try (var probe = new com.rometools.rome.io.XmlReader(new java.io.ByteArrayInputStream(body),
        contentType.orElse(null), true, null)) {
      encoding = probe.getEncoding();
    } catch (java.io.IOException e) {
      encoding = "UTF-8";
    }
    Charset charset;
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      try {
        StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
      } catch (java.nio.charset.CharacterCodingException e) {
        charset = Charset.forName("windows-1252");
      }
    }
    try (var reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(body), charset)) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = reader.read(buf)) > 0) {
        b.append(buf, 0, n);
      }
      String s = b.toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
  }

  @Test
  void dates_rfc822MaskTriedFirst_readsEveryDateAsRomeDidBefore() throws FeedException {
    // rome.properties has Rome try its first RFC 822 mask before its W3C ones; whatever that mask
    // reads must be what Rome's RFC 822 path read, and W3C dates must still go the W3C way.
    List<String> rfc822 = List.of("Tue, 10 Jun 2025 04:00:00 GMT", "Tue, 10 Jun 25 04:00:00 GMT",
        "Thu, 5 Jun 2025 23:59:59 +0200", "Sat, 07 Jun 2025 08:00:00 EST",
        "Mon, 09 Jun 2025 12:00:00 UT", "Mon, 09 Jun 2025 12:00:00 Z",
        "Mon, 09 Jun 2025 12:00 GMT", "Fri, 31 Feb 2025 10:00:00 GMT", "9 Jun 2025 12:00:00 GMT");
    for (String date : rfc822) {
      Optional<Instant> before = Optional.ofNullable(com.rometools.rome.io.impl.DateParser
          .parseRFC822(date, java.util.Locale.US)).map(java.util.Date::toInstant);
      assertThat(before).as(date).isPresent();
      assertThat(published(date)).as(date).isEqualTo(before);
    }
    for (String date : List.of("2025-06-10T04:00:00Z", "2025-06-10T04:00:00.250+02:00",
        "2025-06-10")) {
      Optional<Instant> before = Optional.ofNullable(com.rometools.rome.io.impl.DateParser
          .parseW3CDateTime(date, java.util.Locale.US)).map(java.util.Date::toInstant);
      assertThat(before).as(date).isPresent();
      assertThat(published(date)).as(date).isEqualTo(before);
    }
    assertThat(com.rometools.rome.io.impl.PropertiesLoader.getPropertiesLoader()
        .getTokenizedProperty("datetime.extra.masks", "|"))
        .containsExactly("EEE, dd MMM yy HH:mm:ss z");
  }

  private static Optional<Instant> published(String pubDate) throws FeedException {
    return parse("<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
        + "<guid>g</guid><pubDate>" + pubDate + "</pubDate></item></channel></rss>")
        .entries().get(0).published();
  }

  @Test
  void rss1Rdf_andAtom_andJsonFeed_allRead() throws FeedException {
    ParsedFeed rdf = parse("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://a.example/"><title>RDF</title><link>https://a.example/</link></channel>
        <item rdf:about="https://a.example/1"><title>One</title><link>https://a.example/1</link>
        <dc:date>2025-02-20T10:00:00Z</dc:date></item></rdf:RDF>""");
    ParsedFeed atom = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;lt;b&amp;gt;</title>
        <entry><id>urn:x:1</id><title>Atom one</title><link rel="alternate" href="https://a.example/a1"/>
        <updated>2025-02-21T10:00:00+01:00</updated></entry></feed>""");
    ParsedFeed json = FeedParser.parse("""
        {"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"j1",
        "url":"https://a.example/j1","title":"Json one","content_html":"<b>Hi</b>",
        "date_published":"2025-02-22T10:00:00Z"}]}""".getBytes(StandardCharsets.UTF_8),
        Optional.empty(), BASE);

    assertThat(rdf.entries().get(0).published()).contains(Instant.parse("2025-02-20T10:00:00Z"));
    assertThat(atom.entries().get(0).link()).contains("https://a.example/a1");
    assertThat(atom.entries().get(0).published()).contains(Instant.parse("2025-02-21T09:00:00Z"));
    assertThat(json.format()).isEqualTo("json_1.1");
    assertThat(json.entries().get(0).summary()).isEqualTo("Hi");
  }

  @Test
  void dates_inTheFormatsRealFeedsUse() {
    assertThat(FeedDates.parse("Tue, 10 Jun 2025 04:00:00 GMT")).contains(Instant.parse("2025-06-10T04:00:00Z"));
    assertThat(FeedDates.parse("10 Jun 2025 04:00 EST")).contains(Instant.parse("2025-06-10T09:00:00Z"));
    assertThat(FeedDates.parse("Tue, 10 Jun 25 04:00:00 +0200")).contains(Instant.parse("2025-06-10T02:00:00Z"));
    assertThat(FeedDates.parse("2025-06-10T04:00:00Z")).contains(Instant.parse("2025-06-10T04:00:00Z"));
    assertThat(FeedDates.parse("2025-06-10T04:00:00.123+02:00")).contains(Instant.parse("2025-06-10T02:00:00.123Z"));
    assertThat(FeedDates.parse("2025-06-10")).contains(Instant.parse("2025-06-10T00:00:00Z"));
    assertThat(FeedDates.parse("Seg, 24 Set 2018 19:42:40 -0300")).contains(Instant.parse("2018-09-24T22:42:40Z"));
    assertThat(FeedDates.parse("mer, 16 nov 2022 00:38:15 +0100")).contains(Instant.parse("2022-11-15T23:38:15Z"));
    assertThat(FeedDates.parse("Sat, Dec 16 2023 02:02:33 PM")).contains(Instant.parse("2023-12-16T14:02:33Z"));
    assertThat(FeedDates.parse("lunes, 3 de marzo")).isEmpty();
    assertThat(FeedDates.parse("not a date")).isEmpty();
  }

  @Test
  void itemWithoutDate_getsTheFirstSeenTime_markedAsSuch() throws FeedException {
    ParsedFeed f = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>Undated</title>"
        + "<link>https://a.example/u</link></item></channel></rss>");
    FeedConfig config = new FeedConfig("f", BASE, "Outlet", Optional.empty(), List.of(),
        FeedConfig.DEFAULT_INTERVAL, true);
    Instant now = Instant.parse("2026-11-26T12:00:00Z");

    FeedItem item = FeedItems.of(config, f, now).get(0);

    assertThat(item.published()).isEqualTo(now);
    assertThat(item.publishedEstimated()).isTrue();
  }

  @Test
  void doctype_andEntityBombs_areRefusedQuickly() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    bomb.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertThatThrownBy(() -> parse(xxe)).hasMessageContaining("DOCTYPE");
      assertThatThrownBy(() -> parse(bomb.toString())).hasMessageContaining("DOCTYPE");
    });
  }

  @Test
  void htmlPagesSitemapsAndOtherJson_areNotFeeds() {
    assertThat(refusal("<!DOCTYPE html><html><head><title>Home</title></head></html>"
        .getBytes(StandardCharsets.UTF_8), Optional.of("text/html"))).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(refusal(("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>https://a.example/</loc></url></urlset>").getBytes(StandardCharsets.UTF_8),
        Optional.empty())).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(refusal("{\"data\": []}".getBytes(StandardCharsets.UTF_8), Optional.empty()))
        .isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(refusal(new byte[0], Optional.empty())).isEqualTo(FeedException.Kind.NOT_A_FEED);
    assertThat(refusal("%PDF-1.4 binary".getBytes(StandardCharsets.UTF_8), Optional.empty()))
        .isEqualTo(FeedException.Kind.NOT_A_FEED);
  }

  @Test
  void brokenXml_isMalformedWithAPosition() {
    assertThatThrownBy(() -> parse("<rss version=\"2.0\"><channel><title>T</titl></channel></rss>"))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.MALFORMED);
          assertThat(e.getMessage()).contains("line 1");
        });
  }

  @Test
  void encodings_fromDeclarationHeaderOrFallback() throws FeedException {
    Charset latin1 = Charset.forName("ISO-8859-1");
    Charset cp1252 = Charset.forName("windows-1252");
    byte[] declared = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
        + "<title>Cárteles</title></channel></rss>").getBytes(latin1);
    byte[] undeclared = ("<rss version=\"2.0\"><channel><title>Sinaloa \u2013 cárteles</title></channel>"
        + "</rss>").getBytes(cp1252);
    byte[] headerOnly = ("<rss version=\"2.0\"><channel><title>Cárteles</title></channel></rss>")
        .getBytes(latin1);
    byte[] bom = ("\uFEFF<rss version=\"2.0\"><channel><title>Cárteles</title></channel></rss>")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(FeedParser.parse(declared, Optional.empty(), BASE).title()).isEqualTo("Cárteles");
    assertThat(FeedParser.parse(undeclared, Optional.empty(), BASE).title()).isEqualTo("Sinaloa \u2013 cárteles");
    assertThat(FeedParser.parse(headerOnly, Optional.of("application/rss+xml; charset=ISO-8859-1"), BASE)
        .title()).isEqualTo("Cárteles");
    assertThat(FeedParser.parse(bom, Optional.empty(), BASE).title()).isEqualTo("Cárteles");
  }

  @Test
  void html_becomesPlainText() {
    assertThat(Html.toText("<p>A&nbsp;<b>bold</b> move&hellip;</p><!-- hidden --><style>p{}</style>"))
        .isEqualTo("A bold move\u2026");
    assertThat(Html.toText("Tom &amp; Jerry &#8217;s &#x2014; &unknown;")).isEqualTo("Tom & Jerry \u2019s \u2014 &unknown;");
    assertThat(Html.toText("safe<!-- unclosed")).isEqualTo("safe");
    assertThat(Html.toText("plain text")).isEqualTo("plain text");
  }

  @Test
  void parse_thousandsOfBlanksAfterTheDeclaration_readsTheFeed() throws FeedException {
    String xml = "<?xml version=\"1.0\"?>" + " \n".repeat(200_000) + "<!-- c -->\n"
        + "<rss version=\"2.0\"><channel><title>Wire</title></channel></rss>";

    assertThat(parse(xml).title()).isEqualTo("Wire");
  }

  @Test
  void parse_elementsNestedTensOfThousandsDeep_isRefusedAsTooLarge() {
    String deep = "<x>".repeat(50_000) + "</x>".repeat(50_000);
    String rss = "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title>"
        + "<description>d</description>" + deep + "</item></channel></rss>";
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry><id>1</id>"
        + "<title>x</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + deep.replace("x>", "div>") + "</div></content></entry></feed>";

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (String xml : List.of(rss, atom)) {
        assertThat(refusal(xml.getBytes(StandardCharsets.UTF_8), Optional.empty()))
            .isEqualTo(FeedException.Kind.TOO_LARGE);
      }
    });
  }

  @Test
  void parse_millionsOfEmptyElements_isRefusedBeforeTheTreeIsBuilt() {
    String flat = "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title>"
        + "<a/>".repeat(2_000_000) + "</item></channel></rss>";

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> parse(flat))
        .isInstanceOfSatisfying(FeedException.class, e -> {
          assertThat(e.kind()).isEqualTo(FeedException.Kind.TOO_LARGE);
          assertThat(e.getMessage()).contains("elements");
        }));
  }

  @Test
  void toText_tensOfThousandsOfUnclosedCommentsScriptsAndBreaks_takesLinearTime() {
    for (String unit : List.of("<!--", "<script", "<br", "<style ", "<p class=x", "<b>", "<a href=x>",
        "<div>", "<![CDATA[", "&amp")) {
      String hostile = ("a" + unit).repeat(40_000);
      assertTimeoutPreemptively(Duration.ofSeconds(3), () -> Html.toText(hostile), unit);
    }
  }

  @Test
  void toText_markupInText_keepsTheWordsAsBefore() {
    assertThat(Html.toText("<![CDATA[<b>kept</b>]]> words")).isEqualTo("kept words");
    assertThat(Html.toText("a < b and c > d")).isEqualTo("a < b and c > d");
    assertThat(Html.toText("First<br>second<p>third</p><div>fourth</div>"))
        .isEqualTo("First second third fourth");
    assertThat(Html.toText("x<script>alert(1)</script>y<noscript>no</noscript>z")).isEqualTo("x y z");
    assertThat(Html.toText("&#146;quoted&#146; AT&T")).isEqualTo("\u2019quoted\u2019 AT&T");
  }

  @Test
  void parse_datesRomeCannotRead_areFoundInLinearTimeDespiteUnclosedItemTags() {
    String xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>t</title>"
        + "<link>https://a.example/1</link><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate>"
        + "</item><item><title>u</title><dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<![CDATA[Sat, Dec 16 2023 02:02:33 PM]]></dc:date></item><x><![CDATA["
        + "<item>".repeat(40_000) + "]]></x></channel></rss>";

    ParsedFeed f = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> parse(xml));

    assertThat(f.entries()).extracting(ParsedFeed.Entry::published).containsExactly(
        Optional.of(Instant.parse("2018-09-24T22:42:40Z")),
        Optional.of(Instant.parse("2023-12-16T14:02:33Z")));
  }

  @Test
  void parse_jsonFeedOfMillionsOfEmptyValues_isRefusedBeforeTheTreeIsBuilt() {
    String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"x\":["
        + "[],".repeat(1_000_000) + "[]],\"items\":[]}";

    assertThat(refusal(json.getBytes(StandardCharsets.UTF_8), Optional.empty()))
        .isEqualTo(FeedException.Kind.TOO_LARGE);
  }

  @Test
  void toText_megabytesOfTags_readsOnlyTheFirstHundredThousandCharacters() {
    String tags = "word <b>".repeat(1_500_000);

    String text = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> Html.toText(tags));

    assertThat(text).startsWith("word word").hasSizeLessThan(Html.MAX_MARKUP);
  }

  @Test
  void items_aTitleOfAHundredThousandCharacters_isCutBeforeItIsStored() throws FeedException {
    ParsedFeed f = parse("<rss version=\"2.0\"><channel><title>T</title><item><title>"
        + "a.".repeat(50_000) + "example</title><link>https://a.example/t</link></item>"
        + "</channel></rss>");
    FeedConfig config = new FeedConfig("f", BASE, "Outlet", Optional.empty(), List.of(),
        FeedConfig.DEFAULT_INTERVAL, true);

    FeedItem item = FeedItems.of(config, f, Instant.parse("2026-11-26T12:00:00Z")).get(0);

    assertThat(item.title()).hasSize(FeedItems.MAX_TITLE).startsWith("a.a.").endsWith("\u2026");
  }
}
