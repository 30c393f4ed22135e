package org.backgrounder.desk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;

/** What every page shows the same way: links, times, pagers. Templates escape all of it. */
final class Views {

  /** Rows on one page of a list. */
  static final int PAGE = 50;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Views() {}

  /**
   * A link, or plain text when its target is not one the desk may link to.
   *
   * @param href null when the text is not to be a link
   */
  record Link(String href, String text) {}

  /** Where the previous and next pages are, if there are any. */
  record Pager(int page, String prev, String next) {
    boolean shown() {
      return prev != null || next != null;
    }
  }

  /**
   * {@code url} as a link when it is http(s) and {@code known} holds it, else as text: a
   * {@code javascript:} URL, or one nobody put in a fact file or a feed, is never a link.
   */
  static Link link(String url, String text, Predicate<URI> known) {
    URI uri = webUri(url);
    return new Link(uri != null && known.test(uri) ? uri.toString() : null, text);
  }

  static URI webUri(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  static String time(Instant t) {
    return TIME.format(t);
  }

  /** "3 hours ago", "in 5 minutes". */
  static String ago(Instant now, Instant then) {
    Duration d = Duration.between(then, now);
    boolean future = d.isNegative();
    d = d.abs();
    String span;
    if (d.toMinutes() < 1) {
      span = "less than a minute";
    } else if (d.toHours() < 1) {
      span = plural(d.toMinutes(), "minute");
    } else if (d.toDays() < 2) {
      span = plural(d.toHours(), "hour");
    } else {
      span = plural(d.toDays(), "day");
    }
    return future ? "in " + span : span + " ago";
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  static String asker(String user, boolean show) {
    return show ? user : "(hidden)";
  }

  /** A pager for {@code path}; {@code query} is the rest of the query, already encoded. */
  static Pager pager(String path, String query, int page, boolean more) {
    String base = path + "?" + (query.isEmpty() ? "" : query + "&") + "page=";
    return new Pager(page, page > 1 ? base + (page - 1) : null, more ? base + (page + 1) : null);
  }

  static String param(String name, String value) {
    return value == null || value.isEmpty() ? ""
        : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The page number asked for: 1 unless a positive number up to 100,000 is given. */
  static int pageNumber(String text) {
    try {
      int n = Integer.parseInt(text == null ? "1" : text.strip());
      return n < 1 || n > 100_000 ? 1 : n;
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
