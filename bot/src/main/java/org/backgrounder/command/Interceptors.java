package org.backgrounder.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
   * Each user may ask {@code perMinute} questions or commands a minute; beyond that they are asked
   * to wait. Counts live in a small expiring cache, so idle users cost nothing.
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
      if (count > perMinute) {
        return Reply.error("You have asked " + perMinute + " questions in the last minute; please"
            + " give me a moment before the next one.");
      }
      return next.proceed(request);
    };
  }

  /** Admin commands answer only the users listed as admins ({@code platform:id}). */
  public static Interceptor adminOnly(CommandRegistry registry, Set<String> admins) {
    return (request, next) -> {
      boolean adminCommand = registry.find(request.command()).map(CommandSpec::admin).orElse(false);
      if (adminCommand && !admins.contains(request.incoming().user().qualifiedId())) {
        return Reply.error("Sorry, /" + request.command() + " is for the desk's admins. If you"
            + " need it, ask an editor to add you to the admins in the settings.");
      }
      return next.proceed(request);
    };
  }
}
