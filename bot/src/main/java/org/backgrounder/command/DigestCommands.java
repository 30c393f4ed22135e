package org.backgrounder.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.backgrounder.chat.Reply;
import org.backgrounder.digest.DigestComposer;
import org.backgrounder.digest.Digests;
import org.backgrounder.facts.FactsReloader;
import org.backgrounder.yaml.Problem;

/**
 * {@code /digest [STORY]}: what is new in the last day, as a digest would say it; for admins,
 * {@code /digest --post} posts the configured digests now, and {@code /reload} reloads the fact
 * files at once, saying what it kept and why.
 */
public final class DigestCommands {

  /** The window {@code /digest} previews. */
  static final Duration PREVIEW = Duration.ofDays(1);
  /** What posts the digests now; for admins only, which the admin interceptor sees to. */
  static final String POST = "--post";

  private DigestCommands() {}

  /**
   * @param postNow posts every configured digest now; returns a line per digest
   * @param reload reloads the fact files now
   * @param zone the zone dates are shown in
   */
  public static CommandRegistry register(CommandRegistry registry, Digests digests,
      Function<Instant, List<String>> postNow, Supplier<FactsReloader.Outcome> reload,
      ZoneId zone, Clock clock) {
    registry.register(new CommandSpec("digest", "/digest [STORY]",
        "Shows what is new in the last day, as the daily digest says it (admins: /digest --post"
            + " posts the digests now).", false, args -> args.equals(POST), r -> {
          String args = r.args().strip();
          if (args.equals(POST)) {
            return Reply.info(postNow.apply(clock.instant()).toArray(String[]::new));
          }
          List<String> stories = List.of();
          if (!args.isEmpty()) {
            List<String> known = digests.storyIds();
            if (!known.contains(args)) {
              throw new UserFacingException("There is no story '" + args + "'. Stories: "
                  + String.join(", ", known) + ".");
            }
            stories = List.of(args);
          }
          Instant now = clock.instant();
          return digests.compose(stories, new DigestComposer.Window(now.minus(PREVIEW), now, zone))
              .reply();
        }));
    registry.register(new CommandSpec("reload", "/reload",
        "Reloads the fact files now (they also reload by themselves within seconds of an edit).",
        true, r -> reloaded(reload.get())));
    return registry;
  }

  static Reply reloaded(FactsReloader.Outcome o) {
    List<Reply.Block> blocks = new ArrayList<>();
    String counts = o.base().stories().size() + " " + (o.base().stories().size() == 1 ? "story"
        : "stories") + ", " + o.base().factCount() + " facts";
    blocks.add(text(o.changed() ? "Reloaded the fact files: " + counts + "."
        : "The fact files serving now: " + counts + " (nothing changed)."));
    if (!o.errors().isEmpty()) {
      blocks.add(text("Files with errors keep their last good version until they are fixed:"));
      for (Problem p : o.errors()) {
        blocks.add(new Reply.Entry(List.of(new Reply.Text(p.toString()))));
      }
    }
    return new Reply(o.errors().isEmpty() ? Reply.Kind.INFO : Reply.Kind.ERROR, blocks, List.of(),
        Optional.empty(), Optional.empty());
  }

  private static Reply.Block text(String s) {
    return new Reply.Paragraph(List.of(new Reply.Text(s)));
  }
}
