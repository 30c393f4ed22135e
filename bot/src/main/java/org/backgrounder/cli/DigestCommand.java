package org.backgrounder.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.backgrounder.chat.ChatException;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.digest.DigestComposer;
import org.backgrounder.digest.DigestScheduler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code digest}: prints the digest that would be posted now, or posts it. */
@Command(name = "digest", mixinStandardHelpOptions = true,
    header = "Print the digests that would be posted now; --post posts them.",
    description = {"Prints the digest each configured digest would post now: what became",
        "relevant since its last post (or since --since), and the fact-file changes. With no",
        "digests configured, prints one for every story over the last day. --post posts them."})
final class DigestCommand implements Callable<Integer> {

  @ParentCommand
  BackgrounderCommand top;

  @Spec
  CommandSpec spec;

  @Option(names = "--since", paramLabel = "YYYY-MM-DDTHH:MMZ", converter = SinceConverter.class,
      description = "Where the window starts (UTC, e.g. 2025-02-20T08:30Z); default: the last post.")
  Instant since;

  @Option(names = "--post", description = "Posts the digests to their channels.")
  boolean post;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring w = Wiring.open(top, Wiring.Access.READ, Set.of());
        Platforms platforms = Platforms.configured(w)) {
      w.recordFactChanges();
      Instant now = w.clock.instant();
      DigestScheduler scheduler = w.scheduler(platforms.poster(), platforms.deduplicating());
      List<DigestSettings> digests = w.settings.digests();
      if (post) {
        if (!digests.isEmpty()) {
          try {
            platforms.signInToPost();
          } catch (ChatException e) {
            throw new UserError(e.getMessage());
          }
        }
        scheduler.postNow(now, Optional.ofNullable(since)).forEach(out::println);
      } else if (digests.isEmpty()) {
        DigestComposer.Window window = new DigestComposer.Window(
            since == null ? now.minus(java.time.Duration.ofDays(1)) : min(since, now), now,
            DigestComposer.UTC);
        out.println(w.digests.compose(List.of(), window).reply().plainText());
        out.println();
        out.println("(no digests are configured in backgrounder.yaml; this is every story over"
            + " the window)");
      } else {
        for (DigestSettings d : digests) {
          DigestComposer.Window window = scheduler.window(d, now, Optional.ofNullable(since));
          DigestComposer.Digest digest = w.digests.compose(d.stories(), window);
          out.println("== to " + d.platform().id() + " " + d.channel() + (digest.empty()
              && d.skipIfEmpty() ? " (nothing new: it would not be posted)" : "") + " ==");
          out.println(digest.reply().plainText());
          out.println();
        }
      }
    }
    out.flush();
    return 0;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isAfter(b) ? b : a;
  }

  /** {@code 2025-02-20T08:30Z}, or with seconds or an offset. */
  static final class SinceConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a time such as"
            + " 2025-02-20T08:30Z (UTC) or 2025-02-20T08:30-06:00");
      }
    }
  }
}
