package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * The parser on material nobody here wrote: the Universal Feed Parser's test feeds and snapshots of
 * real news feeds (../shared/corpora; skipped when absent).
 */
class ConformanceTest {

  /** The share of checked feedparser expectations we meet; it may rise, never fall. */
  static final double FEEDPARSER_BASELINE = 0.91;

  private static final Pattern CLAUSE = Pattern.compile(
      "(feed|entries\\[0\\])\\['(title|link|id|published_parsed|date_parsed)'\\]\\s*==\\s*"
      + "((?:u?'(?:[^'\\\\]|\\\\.)*'\\s*\\+?\\s*)+|\\([0-9, ]+\\))");
  private static final Pattern LITERAL = Pattern.compile("u?'((?:[^'\\\\]|\\\\.)*)'");

  @Test
  void feedparserCorpus_neverCrashesOrHangs_andMeetsMostExpectations() throws IOException {
    Path root = TestPaths.corpus("feedparser/tests");
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("wellformed", "illformed", "encoding", "entities", "json")) {
      Path d = root.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.walk(d)) {
          s.filter(Files::isRegularFile).forEach(files::add);
        }
      }
    }
    int parsed = 0;
    int refused = 0;
    int checked = 0;
    int right = 0;
    List<String> crashes = new ArrayList<>();
    for (Path file : files) {
      byte[] body = Files.readAllBytes(file);
      String head = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.ISO_8859_1);
      Optional<String> contentType = header(head, "Content-type");
      URI base = header(head, "Content-Location").map(URI::create).orElse(file.toUri());
      Object result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
        try {
          return FeedParser.parse(body, contentType, base);
        } catch (FeedException e) {
          return e;
        } catch (RuntimeException | StackOverflowError e) {
          return e;
        }
      }, () -> "hung on " + file);
      if (result instanceof ParsedFeed) {
        parsed++;
      } else if (result instanceof FeedException) {
        refused++;
      } else {
        crashes.add(file + ": " + result);
        continue;
      }
      Matcher expect = Pattern.compile("Expect:\\s*(.*)").matcher(head);
      if (!expect.find()) {
        continue;
      }
      Matcher m = CLAUSE.matcher(expect.group(1));
      boolean any = false;
      boolean all = true;
      while (m.find()) {
        any = true;
        all &= result instanceof ParsedFeed f && meets(f, m.group(1), m.group(2), m.group(3));
      }
      if (any) {
        checked++;
        if (all) {
          right++;
        } else if (System.getProperty("conformance.verbose") != null) {
          System.out.println("MISS " + root.relativize(file) + ": " + expect.group(1) + " // got "
              + (result instanceof ParsedFeed f ? "title=" + f.title() + " link=" + f.link()
              + (f.entries().isEmpty() ? "" : " e0=" + f.entries().get(0)) : result));
        }
      }
    }
    double share = checked == 0 ? 1 : right / (double) checked;
    System.out.printf("feedparser corpus: %d files, %d parsed, %d refused cleanly, %d crashes;"
        + " %d of %d checked expectations met (%.1f%%)%n", files.size(), parsed, refused,
        crashes.size(), right, checked, share * 100);

    assertThat(crashes).isEmpty();
    assertThat(share).isGreaterThanOrEqualTo(FEEDPARSER_BASELINE);
  }

  @Test
  void realFeeds_yieldItemsWithTitlesLinksAndDates() throws IOException {
    Path root = TestPaths.corpus("realfeeds");
    List<String> report = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path file : s.filter(p -> p.toString().matches(".*\\.(xml|rss|atom)")).sorted().toList()) {
        ParsedFeed feed;
        try {
          feed = FeedParser.parse(Files.readAllBytes(file), Optional.empty(), file.toUri());
        } catch (FeedException e) {
          report.add(file.getFileName() + ": " + e.getMessage());
          continue;
        }
        FeedConfig config = new FeedConfig("real", file.toUri(), "Outlet", Optional.empty(),
            List.of(), FeedConfig.DEFAULT_INTERVAL, true);
        List<FeedItem> items = FeedItems.of(config, feed, Instant.parse("2026-11-26T00:00:00Z"));
        List<Optional<String>> raw = RawDates.of(new String(Files.readAllBytes(file),
            StandardCharsets.ISO_8859_1));
        long withRawDate = raw.stream().filter(Optional::isPresent).count();
        long titled = items.stream().filter(i -> !i.title().isBlank()).count();
        long linked = items.stream().filter(i -> i.link().isPresent()).count();
        long dated = feed.entries().stream().filter(e -> e.published().isPresent()).count();
        int n = items.size();
        System.out.printf("%s: %d items, %d titled, %d linked, %d dated by the feed (%d give a"
            + " date)%n", file.getFileName(), n, titled, linked, dated, withRawDate);
        // An item whose feed gives no date is dated when first seen; every given date must be read.
        if (n == 0 || titled < n || linked < n || dated < withRawDate) {
          report.add(file.getFileName() + ": " + n + " items, " + titled + " titled, " + linked
              + " linked, " + dated + " of " + withRawDate + " dates read");
        }
        for (ParsedFeed.Entry e : feed.entries()) {
          assertThat(e.title()).doesNotContain("<p>", "</a>", "&amp;", "&#");
          assertThat(e.title()).doesNotContain("\uFFFD");
        }
      }
    }
    assertThat(report).isEmpty();
  }

  private static Optional<String> header(String head, String name) {
    Matcher m = Pattern.compile("Header:\\s*" + name + ":\\s*(\\S+)", Pattern.CASE_INSENSITIVE)
        .matcher(head);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  private static boolean meets(ParsedFeed f, String scope, String key, String literal) {
    if (scope.equals("feed")) {
      return switch (key) {
        case "title" -> plain(f.title()).equals(text(python(literal)));
        case "link" -> f.link().orElse("").equals(python(literal));
        case "id" -> f.id().orElse("").equals(python(literal));
        case "published_parsed", "date_parsed" -> f.published().map(t -> sameTime(t, literal)).orElse(false);
        default -> false;
      };
    }
    if (f.entries().isEmpty()) {
      return false;
    }
    ParsedFeed.Entry e = f.entries().get(0);
    return switch (key) {
      case "title" -> plain(e.title()).equals(text(python(literal)));
      case "link" -> e.link().orElse("").equals(python(literal));
      case "id" -> e.id().orElse("").equals(python(literal));
      case "published_parsed", "date_parsed" -> e.published().map(t -> sameTime(t, literal)).orElse(false);
      default -> false;
    };
  }

  /** The expected value as text: feedparser keeps sanitized HTML, we keep its words. */
  private static String text(String s) {
    return plain(Html.toText(s));
  }

  /** Our value, already plain text, with whitespace as the comparison wants it. */
  private static String plain(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** A Python string literal (possibly several joined with +), unescaped. */
  static String python(String literal) {
    StringBuilder out = new StringBuilder();
    Matcher m = LITERAL.matcher(literal);
    while (m.find()) {
      String s = m.group(1);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c != '\\' || i + 1 >= s.length()) {
          out.append(c);
          continue;
        }
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          case 'x' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
            i += 2;
          }
          default -> out.append(n);
        }
      }
    }
    return out.toString();
  }

  private static boolean sameTime(Instant t, String tuple) {
    String[] parts = tuple.replaceAll("[() ]", "").split(",");
    if (parts.length < 6) {
      return false;
    }
    LocalDateTime expected = LocalDateTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
        Integer.parseInt(parts[2]), Integer.parseInt(parts[3]), Integer.parseInt(parts[4]),
        Integer.parseInt(parts[5]));
    return LocalDateTime.ofInstant(t, ZoneOffset.UTC).equals(expected);
  }
}
