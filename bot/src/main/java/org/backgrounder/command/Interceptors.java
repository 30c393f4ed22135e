package org.backgrounder.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.backgrounder.chat.Reply;

/** The standard interceptors; {@code Bot} wiring puts them in one visible, ordered list. */
public final class Interceptors {

  private Interceptors() {}

  /** Bots (this one included) are never answered: no loops, no replies to notices. */
  public static Interceptor ignoreBots() {
    return (request, next) -> request.incoming().user().bot() ? Reply.none() : next.proceed(request);
  }

  /** A message too long to be a question is refused politely rather than searched. */
  public static Interceptor maxLength(int maxChars) {
    return (request, next) -> {
      if (request.args().length() > maxChars) {
        return Reply.error("That message is " + request.args().length() + " characters long; I"
            + " take questions of up to " + maxChars + ". Could you ask it more briefly?");
      }
      return next.proceed(request);
    };
  }

  /**
   * Each user may ask {@code perMinute} questions or commands a minute; the first message beyond
   * that asks them to wait, and the rest of that minute's messages get no reply at all, so a
   * flood is not answered by a flood of refusals. Counts live in a small expiring cache, so idle
   * users cost nothing.
   */
  public static Interceptor rateLimit(int perMinute, Ticker ticker) {
    Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(1))
        .ticker(ticker)
        .maximumSize(100_000)
        .build();
    return (request, next) -> {
      String user = request.incoming().user().qualifiedId();
      int count = windows.get(user, u -> new AtomicInteger()).incrementAndGet();
      if (count > perMinute + 1) {
        return Reply.none();
      }
      if (count > perMinute) {
        return Reply.error("You have asked " + perMinute + " questions in the last minute; please"
            + " give me a moment before the next one.");
      }
      return next.proceed(request);
    };
  }

  /** Where {@link #timed} reports each answered or declined question. */
  @FunctionalInterface
  public interface Timing {
    void question(boolean answered, Duration took);
  }

  /** Times every reply that answers or declines a question (metrics). */
  public static Interceptor timed(Timing timing, LongSupplier nanoTime) {
    return (request, next) -> {
      long start = nanoTime.getAsLong();
      Reply reply = next.proceed(request);
      if (reply.kind() == Reply.Kind.ANSWER || reply.kind() == Reply.Kind.DECLINED) {
        timing.question(reply.kind() == Reply.Kind.ANSWER,
            Duration.ofNanos(nanoTime.getAsLong() - start));
      }
      return reply;
    };
  }

  /** The polite refusal of an admin command to someone who is not an admin. */
  static Reply refusal(String command, String user) {
    return Reply.error("Sorry, " + command + " is for the desk's admins. If you need it, ask an"
        + " editor to add you to the admins in the settings as " + user + ".");
  }

  /**
   * Admin commands, and commands run with admin arguments ({@code /digest --post}), answer only
   * the users listed as admins ({@code platform:id}).
   */
  public static Interceptor adminOnly(CommandRegistry registry, Set<String> admins) {
    return (request, next) -> {
      Optional<CommandSpec> spec = registry.find(request.command());
      if (spec.isPresent() && spec.get().adminOnly(request.args())
          && !admins.contains(request.incoming().user().qualifiedId())) {
        return refusal("/" + request.command()
            + (spec.get().admin() ? "" : " " + request.args()),
            request.incoming().user().qualifiedId());
      }
      return next.proceed(request);
    };
  }
}
