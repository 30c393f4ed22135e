package org.backgrounder.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 (through Rome, DOCTYPEs refused, so no entity tricks)
 * and JSON Feed 1.0/1.1 (through Jackson) into a {@link ParsedFeed}. The encoding comes from the
 * byte-order mark, the HTTP header or the XML declaration, with Windows-1252 for undeclared legacy
 * text that is not UTF-8. What is not a feed (an HTML page, a sitemap) is said to be so.
 */
public final class FeedParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedParser() {}

  /**
   * Parses a feed document.
   *
   * @param contentType the HTTP Content-Type, if it came over HTTP
   * @param base where the document came from, to make relative links absolute
   * @throws org.backgrounder.feeds.FeedException NOT_A_FEED or MALFORMED, with a message for the desk
   */
  public static ParsedFeed parse(byte[] body, Optional<String> contentType, URI base)
      throws org.backgrounder.feeds.FeedException {
    int start = firstSignificantByte(body);
    if (start < 0) {
      throw new org.backgrounder.feeds.FeedException(
          org.backgrounder.feeds.FeedException.Kind.NOT_A_FEED, "the document is empty");
    }
    if (body[start] == '{') {
      return parseJson(body, base);
    }
    if (body[start] != '<') {
      throw notAFeed("it is neither XML nor JSON");
    }
    return parseXml(body, contentType, base);
  }

  private static ParsedFeed parseXml(byte[] body, Optional<String> contentType, URI base)
      throws org.backgrounder.feeds.FeedException {
    String text = decode(body, contentType);
    String root = XmlRoot.of(text).orElseThrow(() -> notAFeed("it has no XML element"));
    String local = root.contains(":") ? root.substring(root.indexOf(':') + 1) : root;
    switch (local.toLowerCase(Locale.ROOT)) {
      case "rss", "rdf", "feed", "channel" -> { }
      case "html" -> throw notAFeed("it is an HTML page, not a feed; look for the page's RSS or"
          + " Atom link");
      case "urlset", "sitemapindex" -> throw notAFeed("it is a sitemap, not a feed");
      default -> throw notAFeed("its root element is <" + root + ">, not <rss>, <rdf:RDF> or <feed>");
    }
    SyndFeed feed;
    try {
      feed = build(text);
    } catch (ParsingFeedException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("DOCTYPE") || msg.toLowerCase(Locale.ROOT).contains("doctype")) {
        throw malformed("it declares a DOCTYPE, which is refused to rule out entity attacks", e);
      }
      throw malformed("the XML is broken" + (e.getLineNumber() > 0 ? " at line " + e.getLineNumber()
          + ", column " + e.getColumnNumber() : "") + ": " + firstLine(rootCause(e)), e);
    } catch (FeedException | IOException e) {
      throw malformed("it cannot be read as a feed: " + firstLine(rootCause(e)), e);
    } catch (IllegalArgumentException e) {
      throw notAFeed("Rome does not recognise it as RSS or Atom (" + firstLine(e) + ")");
    } catch (RuntimeException e) {
      throw malformed("it cannot be read as a feed: " + firstLine(e), e);
    }
    List<ParsedFeed.Entry> entries = new ArrayList<>();
    List<Optional<String>> rawDates = null;
    Optional<String> feedLanguage = Optional.ofNullable(feed.getLanguage()).filter(s -> !s.isBlank());
    Optional<String> feedLink = absolute(base, feed.getLink());
    URI entryBase = feedLink.flatMap(FeedParser::toUri).orElse(base);
    List<SyndEntry> syndEntries = feed.getEntries();
    for (int i = 0; i < syndEntries.size(); i++) {
      SyndEntry e = syndEntries.get(i);
      Optional<Instant> published = instant(e.getPublishedDate()).or(() -> instant(e.getUpdatedDate()));
      if (published.isEmpty()) {
        // Rome reads only the standard formats; real feeds also write "Seg, 24 Set 2018" or
        // "Dec 16 2023 02:02:33 PM". Take the raw value and try harder.
        if (rawDates == null) {
          rawDates = RawDates.of(text);
        }
        if (rawDates.size() == syndEntries.size()) {
          published = rawDates.get(i).flatMap(FeedDates::parse);
        }
      }
      entries.add(new ParsedFeed.Entry(
          Optional.ofNullable(e.getUri()).map(String::strip).filter(s -> !s.isEmpty()),
          absolute(entryBase, link(e)),
          Html.toText(title(e)),
          Html.toText(summary(e)),
          published,
          feedLanguage));
    }
    String feedTitle = feed.getTitle();
    if (feedTitle == null || feedTitle.isBlank()) {
      feedTitle = dcTitle(feed.getModule(DCModule.URI));
    }
    return new ParsedFeed(feed.getFeedType() == null ? "xml" : feed.getFeedType(),
        Html.toText(feedTitle), feedLink,
        Optional.ofNullable(feed.getUri()).map(String::strip).filter(s -> !s.isEmpty()),
        instant(feed.getPublishedDate()), entries);
  }

  /**
   * Rome without its XML healer first (the healer filters every character, and most feeds are
   * well-formed); with it when the document uses HTML entities XML does not define.
   */
  private static SyndFeed build(String text)
      throws FeedException, IOException, org.backgrounder.feeds.FeedException {
    try {
      return build(text, false);
    } catch (ParsingFeedException e) {
      return build(text, true);
    }
  }

  private static SyndFeed build(String text, boolean heal)
      throws FeedException, IOException, org.backgrounder.feeds.FeedException {
    // Measured as Rome will read it: the healer changes what the parser sees.
    DocumentLimits.checkXml(heal ? new XmlFixerReader(new StringReader(text)) : new StringReader(text));
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(heal);
    try (Reader reader = new StringReader(text)) {
      return input.build(reader);
    }
  }

  private static String title(SyndEntry e) {
    if (e.getTitleEx() != null && e.getTitleEx().getValue() != null
        && !e.getTitleEx().getValue().isBlank()) {
      return e.getTitleEx().getValue();
    }
    if (e.getTitle() != null && !e.getTitle().isBlank()) {
      return e.getTitle();
    }
    return dcTitle(e.getModule(DCModule.URI));
  }

  /** Dublin Core's title, which some feeds use instead of their own. */
  private static String dcTitle(com.rometools.rome.feed.module.Module m) {
    return m instanceof DCModule dc && dc.getTitle() != null ? dc.getTitle() : "";
  }

  private static String summary(SyndEntry e) {
    SyndContent d = e.getDescription();
    if (d != null && d.getValue() != null && !d.getValue().isBlank()) {
      return d.getValue();
    }
    for (SyndContent c : e.getContents()) {
      if (c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue();
      }
    }
    return "";
  }

  private static String link(SyndEntry e) {
    if (e.getLink() != null && !e.getLink().isBlank()) {
      return e.getLink();
    }
    for (SyndLink l : e.getLinks()) {
      if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
        return l.getHref();
      }
    }
    return null;
  }

  private static ParsedFeed parseJson(byte[] body, URI base) throws org.backgrounder.feeds.FeedException {
    JsonNode root;
    try {
      DocumentLimits.checkJson(JSON.getFactory(), body);
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw malformed("the JSON is broken: " + firstLine(e), e);
    }
    String version = root.path("version").asText("");
    if (!version.startsWith("https://jsonfeed.org/version/") && !version.startsWith("http://jsonfeed.org/version/")) {
      throw notAFeed("it is JSON, but not a JSON Feed (no jsonfeed.org version)");
    }
    String format = "json_" + version.substring(version.lastIndexOf('/') + 1);
    Optional<String> language = text(root, "language");
    Optional<String> home = absolute(base, root.path("home_page_url").asText(null));
    List<ParsedFeed.Entry> entries = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String html = item.path("content_html").asText("");
      String summary = text(item, "summary").orElse(html.isEmpty()
          ? item.path("content_text").asText("") : html);
      Optional<Instant> published = date(item.path("date_published").asText(null))
          .or(() -> date(item.path("date_modified").asText(null)));
      entries.add(new ParsedFeed.Entry(
          item.hasNonNull("id") ? Optional.of(item.get("id").asText()) : Optional.empty(),
          absolute(base, item.path("url").asText(item.path("external_url").asText(null))),
          Html.toText(item.path("title").asText("")),
          Html.toText(summary),
          published,
          text(item, "language").or(() -> language)));
    }
    return new ParsedFeed(format, Html.toText(root.path("title").asText("")), home,
        text(root, "feed_url"), Optional.empty(), entries);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode n = node.get(field);
    return n == null || n.isNull() || n.asText().isBlank() ? Optional.empty() : Optional.of(n.asText());
  }

  private static Optional<Instant> date(String s) {
    if (s == null || s.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(s.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return FeedDates.parse(s);
    }
  }

  private static Optional<Instant> instant(Date d) {
    return d == null ? Optional.empty() : Optional.of(d.toInstant());
  }

  /** The document as text: BOM, HTTP charset or XML declaration; legacy fallback when none fits. */
  static String decode(byte[] body, Optional<String> contentType) throws org.backgrounder.feeds.FeedException {
    String encoding;
    try (XmlReader probe = new XmlReader(new ByteArrayInputStream(body), contentType.orElse(null),
        true, null)) {
      encoding = probe.getEncoding();
    } catch (IOException e) {
      encoding = "UTF-8";
    }
    Charset charset;
    try {
      charset = Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.UTF_8;
    }
    String s = null;
    if (charset.equals(StandardCharsets.UTF_8)) {
      // Decoded once: bytes that are not UTF-8 come out as U+FFFD, which a UTF-8 document may
      // also hold, so only then are the bytes checked, and read as Windows-1252 if need be.
      s = new String(body, StandardCharsets.UTF_8);
      if (s.indexOf('\uFFFD') >= 0 && !isUtf8(body)) {
        s = null;
        charset = Charset.forName("windows-1252");
      }
    }
    if (s == null) {
      s = new String(body, charset);
    }
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static boolean isUtf8(byte[] body) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      d.decode(ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  private static int firstSignificantByte(byte[] body) {
    int i = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      i = 3;
    } else if (body.length >= 2 && (((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF)
        || ((body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE))) {
      return 2 < body.length ? firstUtf16(body) : -1;
    }
    for (; i < body.length; i++) {
      byte b = body[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return -1;
  }

  /** UTF-16 with a BOM: report the position of '<' if the first character is one. */
  private static int firstUtf16(byte[] body) {
    for (int i = 2; i + 1 < body.length; i++) {
      if (body[i] == '<' || body[i + 1] == '<') {
        return body[i] == '<' ? i : i + 1;
      }
    }
    return -1;
  }

  static Optional<String> absolute(URI base, String link) {
    if (link == null || link.isBlank()) {
      return Optional.empty();
    }
    String l = link.strip();
    if (l.indexOf(' ') < 0 && hasScheme(l)) {
      // Absolute as written, and nothing to escape: parsing it would give back the same text,
      // and a link that does not parse is kept as written anyway.
      return Optional.of(l);
    }
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

  /**
   * Whether {@code s} starts with a scheme and its colon ({@code https:}), as {@link URI} tells
   * an absolute reference from a relative one: a letter, then letters, digits, '+', '-' or '.'.
   */
  static boolean hasScheme(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return i > 0;
      }
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
        return false;
      }
    }
    return false;
  }

  private static Optional<URI> toUri(String s) {
    try {
      URI u = new URI(s);
      return u.isAbsolute() ? Optional.of(u) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static org.backgrounder.feeds.FeedException notAFeed(String why) {
    return new org.backgrounder.feeds.FeedException(
        org.backgrounder.feeds.FeedException.Kind.NOT_A_FEED, "not a feed: " + why);
  }

  private static org.backgrounder.feeds.FeedException malformed(String why, Throwable cause) {
    return new org.backgrounder.feeds.FeedException(
        org.backgrounder.feeds.FeedException.Kind.MALFORMED, "malformed feed: " + why, cause);
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
