package org.backgrounder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactFile;

/**
 * Local RSS 2.0 files that read like a newsroom's feeds: English sentences with some markup in
 * the descriptions, a guid, a link, a date, an author and a category per item, and about one item
 * in five naming a person, group or keyword of the loaded stories, so story matching has work to
 * do. The same seed writes the same bytes, so other tools (a feed parser in another language) can
 * be timed on exactly what the bot ingests.
 */
final class FeedFiles {

  /** Items per file, as in the ingest figure of issue 15: 200 files of 250 items. */
  static final int PER_FEED = 250;

  private static final String[] WORDS = ("the of and to in a that for on with as said was by at"
      + " from its has have it be are government officials report new week year people city"
      + " border police security minister president court law trade market prices ministry"
      + " investigation told statement election state federal local spokesperson agency"
      + " according million percent public policy economic health water energy school workers"
      + " company companies bank plan plans talks meeting leaders groups region area country"
      + " national international military forces attack violence victims families residents"
      + " officials announced response crisis support funding budget program data analysis"
      + " shipment shipments seized arrested charges prosecutors judge hearing ruling appeal"
      + " migrants migration asylum deportation flights tariffs exports imports dollar peso"
      + " morning evening night weekend after before during while since despite amid between"
      + " under over against about more most last first second third several many few").split(" ");
  private static final String[] CATEGORIES = {"World", "Americas", "Politics", "Business",
      "Security", "Justice", "Economy", "Migration"};
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

  private FeedFiles() {}

  /**
   * Writes {@code feeds} files of {@link #PER_FEED} items into {@code folder} and returns their
   * paths, {@code feed-0.xml} first.
   */
  static List<Path> write(Path folder, int feeds, FactBase stories, long seed) throws IOException {
    Files.createDirectories(folder);
    List<String> names = storyTerms(stories);
    List<Path> files = new ArrayList<>();
    Random r = new Random(seed);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int f = 0; f < feeds; f++) {
      StringBuilder b = new StringBuilder(PER_FEED * 900);
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
          + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n<title>Outlet ")
          .append(f).append(" - World news</title>\n<link>https://outlet").append(f)
          .append(".example.org/</link>\n<description>The latest from outlet ").append(f)
          .append("</description>\n<language>en</language>\n");
      for (int i = 0; i < PER_FEED; i++) {
        String url = "https://outlet" + f + ".example.org/news/" + (2026_000_000L + f * 1000L + i)
            + "-" + slug(r);
        String title = capitalize(sentence(r, 8 + r.nextInt(6), names));
        Instant published = start.plusSeconds(r.nextInt(300 * 86_400));
        b.append("<item>\n<title>").append(escape(title)).append("</title>\n<link>").append(url)
            .append("</link>\n<guid isPermaLink=\"false\">outlet").append(f).append('-').append(i)
            .append("</guid>\n<pubDate>").append(RFC_1123.format(published.atOffset(ZoneOffset.UTC)))
            .append("</pubDate>\n<dc:creator>Reporter ").append(r.nextInt(400))
            .append("</dc:creator>\n<category>").append(CATEGORIES[r.nextInt(CATEGORIES.length)])
            .append("</category>\n<description>").append(escape("<p>"
                + capitalize(sentence(r, 25 + r.nextInt(15), names)) + ". <a href=\"" + url
                + "\">Read more</a></p>")).append("</description>\n</item>\n");
      }
      b.append("</channel>\n</rss>\n");
      Path file = folder.resolve("feed-" + f + ".xml");
      Files.writeString(file, b, StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  /**
   * A setup to time {@code backgrounder ingest} on, and other tools beside it: {@code feeds/}
   * with the files, and two config folders over them, {@code config-sqlite/} (the default store)
   * and {@code config-postgresql/} (store.url, user and password from BACKGROUNDER_DB_URL,
   * BACKGROUNDER_DB_USER and BACKGROUNDER_DB_PASSWORD), each with a copy of {@code facts}.
   */
  static void writeSetup(Path dir, int feeds, Path factsDir, FactBase stories, long seed)
      throws IOException {
    List<Path> files = write(dir.resolve("feeds"), feeds, stories, seed);
    StringBuilder list = new StringBuilder("feeds:\n");
    for (int f = 0; f < files.size(); f++) {
      list.append("  - id: outlet-").append(f).append("\n    url: ")
          .append(files.get(f).toAbsolutePath().toUri()).append("\n    outlet: Outlet ").append(f)
          .append("\n    language: en\n");
    }
    for (String store : List.of("sqlite", "postgresql")) {
      Path config = Files.createDirectories(dir.resolve("config-" + store));
      Files.writeString(config.resolve("feeds.yaml"), list);
      Files.writeString(config.resolve("backgrounder.yaml"), "feeds:\n  allow_file_urls: true\n"
          + (store.equals("sqlite") ? "" : "store:\n  url: ${BACKGROUNDER_DB_URL}\n"
              + "  user: ${BACKGROUNDER_DB_USER}\n  password: ${BACKGROUNDER_DB_PASSWORD}\n"));
      Path facts = Files.createDirectories(config.resolve("facts"));
      try (var s = Files.list(factsDir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (Files.isRegularFile(p)) {
            Files.copy(p, facts.resolve(p.getFileName().toString()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  /** The names, aliases and keywords of the loaded stories: what the matcher looks for. */
  private static List<String> storyTerms(FactBase base) {
    List<String> out = new ArrayList<>();
    for (FactFile f : base.stories()) {
      out.addAll(f.story().keywords());
      for (Entity e : f.entities()) {
        out.addAll(e.names());
      }
    }
    return out;
  }

  private static String sentence(Random r, int words, List<String> names) {
    StringBuilder b = new StringBuilder();
    boolean named = names.isEmpty() || r.nextInt(10) != 0;
    int at = r.nextInt(words);
    for (int k = 0; k < words; k++) {
      if (k > 0) {
        b.append(' ');
      }
      b.append(!named && k == at ? names.get(r.nextInt(names.size())) : WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  private static String slug(Random r) {
    return WORDS[r.nextInt(WORDS.length)] + "-" + WORDS[r.nextInt(WORDS.length)] + "-"
        + WORDS[r.nextInt(WORDS.length)];
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
