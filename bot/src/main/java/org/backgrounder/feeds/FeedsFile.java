package org.backgrounder.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.config.Durations;
import org.backgrounder.facts.Ids;
import org.backgrounder.yaml.Fields;
import org.backgrounder.yaml.Position;
import org.backgrounder.yaml.Problem;
import org.backgrounder.yaml.YamlException;
import org.backgrounder.yaml.YamlNode;
import org.backgrounder.yaml.YamlReader;

/**
 * Reads {@code feeds.yaml}: a list of feeds under {@code feeds:}, each with {@code id}, {@code url}
 * and {@code outlet}, and optional {@code language}, {@code stories}, {@code interval},
 * {@code enabled}. Every problem is reported as {@code file:line:column: message}, like the fact
 * files. A missing file means no feeds.
 */
public final class FeedsFile {

  public static final String FILE_NAME = "feeds.yaml";

  static final List<String> TOP_KEYS = List.of("feeds");
  static final List<String> FEED_KEYS = List.of("id", "url", "outlet", "language", "stories",
      "interval", "enabled");

  private FeedsFile() {}

  /** The feeds, and every problem found. */
  public record Result(List<FeedConfig> feeds, List<Problem> problems) {
    public Result {
      feeds = List.copyOf(feeds);
      problems = problems.stream().sorted(Problem.READING_ORDER).toList();
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /**
   * Loads {@code configDir/feeds.yaml}.
   *
   * @param knownStories story ids of the loaded fact files; a feed naming another is a warning
   */
  public static Result load(Path configDir, Set<String> knownStories) {
    Path file = configDir.resolve(FILE_NAME);
    String name = file.toString();
    if (!Files.exists(file)) {
      return new Result(List.of(), List.of());
    }
    try {
      YamlNode root = YamlReader.standard().read(file, name);
      return check(root, name, configDir, knownStories);
    } catch (YamlException e) {
      return new Result(List.of(), e.problems());
    }
  }

  /** Parses the text of a feeds file (tests). */
  public static Result parse(String text, String name, Path configDir, Set<String> knownStories) {
    try {
      return check(YamlReader.standard().parse(text, name), name, configDir, knownStories);
    } catch (YamlException e) {
      return new Result(List.of(), e.problems());
    }
  }

  private static Result check(YamlNode root, String name, Path configDir, Set<String> known) {
    List<Problem> problems = new ArrayList<>();
    List<FeedConfig> feeds = new ArrayList<>();
    Optional<Fields> top = Fields.of(name, root, "the feeds file", TOP_KEYS, problems);
    if (top.isEmpty()) {
      return new Result(feeds, problems);
    }
    Map<String, Position> ids = new HashMap<>();
    for (YamlNode n : top.get().list("feeds", true)) {
      int before = problems.size();
      Optional<Fields> f = Fields.of(name, n, "a feed", FEED_KEYS, problems);
      if (f.isEmpty()) {
        continue;
      }
      Optional<FeedConfig> feed = feed(f.get(), configDir, known, ids);
      boolean clean = problems.subList(before, problems.size()).stream().noneMatch(Problem::isError);
      if (clean) {
        feed.ifPresent(feeds::add);
      }
    }
    return new Result(feeds, problems);
  }

  private static Optional<FeedConfig> feed(Fields f, Path configDir, Set<String> known,
      Map<String, Position> ids) {
    Optional<String> id = f.text("id", true);
    id.ifPresent(i -> {
      if (!Ids.isSlug(i)) {
        f.error(f.at("id"), "feed id '" + i + "' is not a slug: use lower-case letters, digits and"
            + " '-'");
      }
      Position first = ids.putIfAbsent(i, f.at("id"));
      if (first != null) {
        f.error(f.at("id"), "duplicate feed id '" + i + "' (first used at line " + first.line() + ")");
      }
    });
    Optional<URI> url = f.text("url", true).flatMap(u -> url(f, u, configDir));
    Optional<String> outlet = f.text("outlet", true);
    Optional<String> language = f.text("language", false);
    List<String> stories = new ArrayList<>();
    for (Fields.Located<String> s : f.textList("stories", false, "[cartels-fto]")) {
      if (!known.isEmpty() && !known.contains(s.value())) {
        f.warning(s.position(), "story '" + s.value() + "' is not in the fact files; this feed will"
            + " not count for it");
      }
      stories.add(s.value());
    }
    Duration interval = f.text("interval", false).flatMap(t -> {
      try {
        Duration d = Durations.parse(t);
        if (d.compareTo(Duration.ofMinutes(1)) < 0) {
          f.error(f.at("interval"), "interval " + t + " is too short; poll at most once a minute");
          return Optional.empty();
        }
        return Optional.of(d);
      } catch (IllegalArgumentException e) {
        f.error(f.at("interval"), e.getMessage());
        return Optional.empty();
      }
    }).orElse(FeedConfig.DEFAULT_INTERVAL);
    boolean enabled = f.bool("enabled").orElse(true);
    if (id.isEmpty() || url.isEmpty() || outlet.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FeedConfig(id.get(), url.get(), outlet.get(), language, stories,
        interval, enabled));
  }

  private static Optional<URI> url(Fields f, String text, Path configDir) {
    try {
      URI u = new URI(text.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (scheme.equals("file")) {
        String path = u.isOpaque() ? u.getSchemeSpecificPart() : u.getPath();
        Path p = Path.of(path);
        return Optional.of((p.isAbsolute() ? p : configDir.resolve(p)).toAbsolutePath().normalize()
            .toUri());
      }
      if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
        return Optional.of(u);
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // reported below
    }
    f.error(f.at("url"), "'url' must be an http:// or https:// address, or file: for a snapshot;"
        + " found '" + text + "'");
    return Optional.empty();
  }
}
