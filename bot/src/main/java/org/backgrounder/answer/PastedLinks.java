package org.backgrounder.answer;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.SearchIndex;

/**
 * A link pasted as a question or given to {@code /sources}: what the desk holds under it (a
 * source and the facts that cite it, or a feed item), or a plain "not on file".
 */
final class PastedLinks {

  /** A message that is one link and nothing else; Slack wraps links in angle brackets. */
  private static final Pattern LINK = Pattern.compile("^<?(https?://[^\\s<>|]+)(?:\\|[^>]*)?>?$");

  private PastedLinks() {}

  /** The link, when the whole message is one. */
  static Optional<URI> of(String text) {
    Matcher m = LINK.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new URI(m.group(1)));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** The same address written with and without a trailing slash. */
  static List<URI> spellings(URI url) {
    String s = url.toString();
    String other = s.endsWith("/") ? s.substring(0, s.length() - 1) : s + "/";
    return List.of(url, URI.create(other));
  }

  /** What {@code url} is: a source and the facts citing it, a feed item, or not on file. */
  static Answer answer(Asked c, URI url, SearchIndex index) {
    if (fromFacts(c.b, c.base, url)) {
      return c.b.answered(true).build();
    }
    for (URI u : spellings(url)) {
      Optional<FeedItem> item = index.itemByLink(u);
      if (item.isPresent()) {
        fromFeeds(c.b, item.get());
        return c.b.answered(true).build();
      }
    }
    return c.decline("That link is not on file: no fact file or feed item I hold has it.");
  }

  /** Says what the link is and which facts cite it; false when no fact file holds it. */
  static boolean fromFacts(Answer.Builder b, FactBase base, URI url) {
    for (FactFile story : base.stories()) {
      for (Source s : story.sources()) {
        if (!matches(url, s)) {
          continue;
        }
        int n = b.cite(story, s);
        List<Fact> citing = story.facts().stream().filter(f -> f.sources().contains(s.id()))
            .toList();
        String date = s.published().map(d -> ", " + d.spoken()).orElse("");
        String cited = citing.isEmpty() ? "; no fact cites it."
            : ", cited by " + (citing.size() == 1 ? "one fact" : citing.size() + " facts") + ":";
        b.sentence(Answer.Role.LISTING, "That is \u201c" + s.title() + "\u201d, " + s.outlet()
            + date + " (" + s.kind().label() + "), a source in the desk's file" + cited,
            List.of(n));
        for (Fact f : citing) {
          b.sentence(Answer.Role.LISTING, Briefs.pointer(base, new FactBase.Located(story, f)),
              List.of());
        }
        return true;
      }
    }
    return false;
  }

  /** Says what the feed item is: title, outlet, date. */
  static void fromFeeds(Answer.Builder b, FeedItem item) {
    int n = b.cite(item);
    String date = FactDate.of(LocalDate.ofInstant(item.published(), ZoneOffset.UTC)).spoken();
    b.sentence(Answer.Role.ITEM, "That is \u201c" + item.displayTitle() + "\u201d, "
        + item.outlet() + ", " + date + " (news), an item from the feeds the desk follows; no"
        + " fact cites it.", List.of(n));
  }

  private static boolean matches(URI url, Source s) {
    for (URI u : spellings(url)) {
      if (u.equals(s.url()) || s.archived().map(u::equals).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
