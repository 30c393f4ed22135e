package org.backgrounder.digest;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.backgrounder.chat.Reply;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactChange;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.feeds.FeedState;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.text.QueryStrings;

/**
 * Writes a digest: per story, the coverage that became relevant in the window (grouped when
 * several outlets carry the same news, newest first, capped with "and N more"), the fact-file
 * changes, and a pointer to the timeline. A pure function of what it is given: the scheduler, the
 * {@code digest} command and {@code /digest} all show the same thing for the same window.
 */
public final class DigestComposer {

  /** Entries of coverage shown per story before "and N more". */
  static final int MAX_COVERAGE = 8;
  /** Fact changes shown per story before "and N more". */
  static final int MAX_CHANGES = 10;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE MMM d, HH:mm zzz", Locale.ENGLISH);
  /** UTC as dates show it ("08:30 UTC", where {@code ZoneOffset.UTC} would show "08:30 Z"). */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private static final DateTimeFormatter SHORT_ZONED =
      DateTimeFormatter.ofPattern("MMM d, HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT =
      DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

  private DigestComposer() {}

  /**
   * The time a digest covers: {@code [from, to)}, shown in {@code zone}.
   */
  public record Window(Instant from, Instant to, ZoneId zone) {
    public Window {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(zone, "zone");
      if (from.isAfter(to)) {
        throw new IllegalArgumentException("a digest window starts before it ends: " + from + " > " + to);
      }
    }
  }

  /**
   * A digest as composed.
   *
   * @param items the feed items it covers (shown or counted in "and N more")
   * @param factChanges the fact changes it lists
   */
  public record Digest(Reply reply, int items, int factChanges) {
    /** Nothing new: no coverage and no fact change. */
    public boolean empty() {
      return items == 0 && factChanges == 0;
    }
  }

  /** A feed that has been failing, for the admin channel. */
  public record FeedTrouble(String feedId, String outlet, Optional<Instant> failingSince,
      Optional<Instant> lastSuccess, String reason, boolean disabled) {}

  /**
   * The digest of {@code stories} (empty: every story of {@code facts}) for {@code window}.
   *
   * @param relevant items that became relevant in the window
   * @param changes fact changes logged in the window, oldest first
   */
  public static Digest compose(FactBase facts, List<String> stories, Window window,
      List<FeedStore.Relevant> relevant, List<FactChange> changes) {
    Links links = new Links(window.zone(), facts);
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(heading("What's new since " + WHEN.format(window.from().atZone(window.zone()))));
    int itemCount = 0;
    int changeCount = 0;
    for (FactFile story : chosen(facts, stories)) {
      String id = story.story().id();
      blocks.add(heading(story.story().title()));
      List<FeedItem> items = relevant.stream().filter(r -> r.story().equals(id))
          .map(FeedStore.Relevant::item).filter(i -> i.link().isPresent()).distinct().toList();
      List<FactChange> mine = net(changes.stream().filter(c -> c.story().equals(id)).toList());
      itemCount += items.size();
      changeCount += mine.size();
      coverage(blocks, links, window.zone(), Coverage.group(items));
      factChanges(blocks, links, mine);
      if (items.isEmpty() && mine.isEmpty()) {
        blocks.add(notice("Nothing new."));
      }
    }
    blocks.add(new Reply.Notice(List.of(new Reply.Text("The whole story, in order: "),
        new Reply.Code("/timeline"))));
    Reply reply = new Reply(Reply.Kind.INFO, blocks, links.all(), Optional.empty(),
        Optional.of("/latest"));
    return new Digest(reply, itemCount, changeCount);
  }

  /** Feeds failing since before {@code cutoff}, or switched off for good. */
  public static List<FeedTrouble> failingBefore(List<FeedConfig> feeds, List<FeedState> states,
      Instant cutoff) {
    Map<String, FeedState> byId = new HashMap<>();
    states.forEach(s -> byId.put(s.feedId(), s));
    List<FeedTrouble> out = new ArrayList<>();
    for (FeedConfig f : feeds) {
      FeedState s = byId.get(f.id());
      if (s == null || !f.enabled()) {
        continue;
      }
      boolean longFailing = s.consecutiveFailures() > 0
          && s.failingSince().map(since -> since.isBefore(cutoff)).orElse(false);
      if (s.disabled() || longFailing) {
        out.add(new FeedTrouble(f.id(), f.outlet(), s.failingSince(), s.lastSuccess(),
            s.disabledReason().or(s::failureReason).orElse("unknown"), s.disabled()));
      }
    }
    return out;
  }

  /** The admin channel's note about failing feeds; nothing when every feed is fine. */
  public static Optional<Reply> feedTrouble(List<FeedTrouble> trouble, ZoneId zone) {
    if (trouble.isEmpty()) {
      return Optional.empty();
    }
    List<Reply.Block> blocks = new ArrayList<>();
    blocks.add(heading(trouble.size() == 1 ? "A feed has been failing for more than a day"
        : trouble.size() + " feeds have been failing for more than a day"));
    for (FeedTrouble t : trouble) {
      String since = t.disabled() ? "switched off"
          : "failing since " + t.failingSince().map(i -> SHORT_ZONED.format(i.atZone(zone)))
              .orElse("?") + t.lastSuccess().map(i -> ", last fetched "
                  + SHORT_ZONED.format(i.atZone(zone)))
                  .orElse(", never fetched");
      blocks.add(new Reply.Entry(List.of(new Reply.Text(t.outlet() + " (" + t.feedId() + "): "
          + since + ": " + QueryStrings.hide(t.reason())))));
    }
    blocks.add(new Reply.Notice(List.of(new Reply.Text("Details of one feed: "),
        new Reply.Code("/feed " + trouble.get(0).feedId()))));
    return Optional.of(new Reply(Reply.Kind.INFO, blocks, List.of(), Optional.empty(),
        Optional.of("/feeds")));
  }

  private static List<FactFile> chosen(FactBase facts, List<String> stories) {
    if (stories.isEmpty()) {
      return facts.stories();
    }
    List<FactFile> out = new ArrayList<>();
    for (String id : stories) {
      facts.story(id).ifPresent(out::add);
    }
    return out;
  }

  private static void coverage(List<Reply.Block> blocks, Links links, ZoneId zone,
      List<Coverage.Group> groups) {
    if (groups.isEmpty()) {
      return;
    }
    blocks.add(paragraph("New coverage:"));
    for (Coverage.Group g : groups.subList(0, Math.min(MAX_COVERAGE, groups.size()))) {
      List<Reply.Span> spans = new ArrayList<>();
      FeedItem lead = g.lead();
      spans.add(new Reply.Text(lead.displayTitle() + " (" + SHORT.format(
          g.newest().published().atZone(zone)) + "): " + lead.outlet() + " "));
      spans.add(new Reply.Cite(links.item(lead)));
      List<FeedItem> also = g.items().subList(1, g.items().size());
      for (int i = 0; i < also.size(); i++) {
        String joint = i == 0 ? ", and also " : i == also.size() - 1 ? " and " : ", ";
        spans.add(new Reply.Text(joint + also.get(i).outlet() + " "));
        spans.add(new Reply.Cite(links.item(also.get(i))));
      }
      blocks.add(new Reply.Entry(spans));
    }
    if (groups.size() > MAX_COVERAGE) {
      blocks.add(new Reply.Notice(List.of(new Reply.Text("and " + (groups.size() - MAX_COVERAGE)
          + " more: "), new Reply.Code("/latest"))));
    }
  }

  private static void factChanges(List<Reply.Block> blocks, Links links, List<FactChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    blocks.add(paragraph("Fact file changes:"));
    for (FactChange c : changes.subList(0, Math.min(MAX_CHANGES, changes.size()))) {
      List<Reply.Span> spans = new ArrayList<>();
      spans.add(new Reply.Badge(c.kind().name().toLowerCase(Locale.ROOT)));
      spans.add(new Reply.Text(" " + c.text()));
      for (FactChange.Cited s : c.sources()) {
        spans.add(new Reply.Text(" "));
        spans.add(new Reply.Cite(links.source(s)));
      }
      blocks.add(new Reply.Entry(spans));
    }
    if (changes.size() > MAX_CHANGES) {
      blocks.add(new Reply.Notice(List.of(new Reply.Text("and " + (changes.size() - MAX_CHANGES)
          + " more changes: "), new Reply.Code("/timeline"))));
    }
  }

  /**
   * One change per fact, as it stands at the end of the window: added then edited is "added",
   * added then removed is nothing, removed then added back is "changed".
   */
  static List<FactChange> net(List<FactChange> changes) {
    Map<String, FactChange> first = new LinkedHashMap<>();
    Map<String, FactChange> last = new LinkedHashMap<>();
    for (FactChange c : changes) {
      first.putIfAbsent(c.factId(), c);
      last.put(c.factId(), c);
    }
    List<FactChange> out = new ArrayList<>();
    for (Map.Entry<String, FactChange> e : last.entrySet()) {
      FactChange.Kind from = first.get(e.getKey()).kind();
      FactChange end = e.getValue();
      FactChange.Kind kind = end.kind();
      if (from == FactChange.Kind.ADDED && kind == FactChange.Kind.REMOVED) {
        continue;
      }
      if (from == FactChange.Kind.ADDED) {
        kind = FactChange.Kind.ADDED;
      } else if (from == FactChange.Kind.REMOVED && kind != FactChange.Kind.REMOVED) {
        kind = FactChange.Kind.CHANGED;
      }
      out.add(new FactChange(end.story(), end.factId(), kind, end.text(), end.sources(), end.at()));
    }
    out.sort(Comparator.comparing(FactChange::at));
    return out;
  }

  private static Reply.Heading heading(String text) {
    return new Reply.Heading(List.of(new Reply.Text(text)));
  }

  private static Reply.Paragraph paragraph(String text) {
    return new Reply.Paragraph(List.of(new Reply.Text(text)));
  }

  private static Reply.Notice notice(String text) {
    return new Reply.Notice(List.of(new Reply.Text(text)));
  }

  /**
   * The numbered links of a digest; a link cited twice keeps its number. Each is dated and kinded
   * as answers date and kind theirs ("February 20, 2025", "news" for a feed item).
   */
  private static final class Links {
    private final ZoneId zone;
    private final FactBase facts;
    private final Map<URI, Reply.Link> byUrl = new LinkedHashMap<>();

    Links(ZoneId zone, FactBase facts) {
      this.zone = zone;
      this.facts = facts;
    }

    int item(FeedItem i) {
      URI url = i.link().orElseThrow();
      return byUrl.computeIfAbsent(url, u -> new Reply.Link(byUrl.size() + 1, u, i.displayTitle(),
          i.outlet(), Optional.of(FactDate.of(i.published().atZone(zone).toLocalDate()).spoken()),
          "news")).n();
    }

    /**
     * A changed fact's source, with the date the change kept; a change logged before changes
     * kept dates takes the date of the source with that link in the fact files now serving.
     */
    int source(FactChange.Cited s) {
      return byUrl.computeIfAbsent(s.url(), u -> new Reply.Link(byUrl.size() + 1, u, s.title(),
          s.outlet(), s.published().or(() -> onFile(u)).map(FactDate::spoken), s.kind())).n();
    }

    private Optional<FactDate> onFile(URI url) {
      return facts.stories().stream().flatMap(f -> f.sources().stream())
          .filter(src -> src.url().equals(url)).findFirst().flatMap(Source::published);
    }

    List<Reply.Link> all() {
      return List.copyOf(byUrl.values());
    }
  }
}
