package org.backgrounder.desk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.backgrounder.config.DigestSettings;
import org.backgrounder.digest.DigestLedger;
import org.backgrounder.facts.FactBase;
import org.backgrounder.feeds.FeedConfig;
import org.backgrounder.feeds.FeedStore;
import org.backgrounder.store.AuditReview;
import org.backgrounder.store.FeedReview;

/**
 * What the desk reads. It writes only through {@link AuditReview#markHandled}.
 *
 * @param facts the fact base now serving
 * @param knownLink whether a URL is one a fact file or a stored feed item holds
 * @param staleAfter after how long a story's review is old
 */
public record DeskSources(Supplier<FactBase> facts, AuditReview audit, FeedReview items,
    FeedStore feedStore, Supplier<List<FeedConfig>> feeds, DigestLedger ledger,
    List<DigestSettings> digests, Predicate<URI> knownLink, Duration staleAfter, Clock clock) {
  public DeskSources {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(feedStore, "feedStore");
    Objects.requireNonNull(feeds, "feeds");
    Objects.requireNonNull(ledger, "ledger");
    digests = List.copyOf(digests);
    Objects.requireNonNull(knownLink, "knownLink");
    Objects.requireNonNull(staleAfter, "staleAfter");
    Objects.requireNonNull(clock, "clock");
  }
}
