package org.backgrounder.feeds;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot remembers about a feed between polls.
 *
 * @param currentUrl where the feed lives now, after a permanent redirect; empty: the configured URL
 * @param etag the validator of the last 200, for a conditional GET
 * @param lastModified the other validator
 * @param failureKind the kind of the last failure, if the last poll failed
 * @param consecutiveFailures failures since the last success (drives the back-off)
 * @param nextPoll not before this instant (interval, back-off, or a server's Retry-After)
 * @param disabledReason set when the feed is off for good (410 Gone), with why
 * @param successes successful polls so far; the first one's items are the backlog
 * @param failingSince the first failure since the last success (how long a feed has been down)
 */
public record FeedState(String feedId, Optional<URI> currentUrl, Optional<String> etag,
    Optional<String> lastModified, Optional<Instant> lastAttempt, Optional<Instant> lastSuccess,
    Optional<Instant> lastFailure, Optional<String> failureReason,
    Optional<FeedException.Kind> failureKind, int consecutiveFailures, Optional<Instant> nextPoll,
    Optional<String> disabledReason, int successes, Optional<Instant> failingSince) {

  public FeedState {
    Objects.requireNonNull(feedId, "feedId");
    Objects.requireNonNull(currentUrl, "currentUrl");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(lastAttempt, "lastAttempt");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    Objects.requireNonNull(lastFailure, "lastFailure");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(failureKind, "failureKind");
    Objects.requireNonNull(nextPoll, "nextPoll");
    Objects.requireNonNull(disabledReason, "disabledReason");
    Objects.requireNonNull(failingSince, "failingSince");
  }

  /** A feed never polled. */
  public static FeedState fresh(String feedId) {
    return new FeedState(feedId, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
        Optional.empty(), Optional.empty(), 0, Optional.empty());
  }

  public boolean disabled() {
    return disabledReason.isPresent();
  }

  /** After a successful poll: validators kept, failures forgotten. */
  FeedState succeeded(Instant now, Optional<String> etag, Optional<String> lastModified,
      Optional<URI> url, Instant next) {
    return new FeedState(feedId, url, etag, lastModified, Optional.of(now), Optional.of(now),
        lastFailure, Optional.empty(), Optional.empty(), 0, Optional.of(next), disabledReason,
        successes + 1, Optional.empty());
  }

  /** After a failed poll. */
  FeedState failed(Instant now, FeedException.Kind kind, String reason, Instant next,
      Optional<String> disable) {
    return new FeedState(feedId, currentUrl, etag, lastModified, Optional.of(now), lastSuccess,
        Optional.of(now), Optional.of(reason), Optional.of(kind), consecutiveFailures + 1,
        Optional.of(next), disable.or(() -> disabledReason), successes,
        failingSince.or(() -> Optional.of(now)));
  }
}
