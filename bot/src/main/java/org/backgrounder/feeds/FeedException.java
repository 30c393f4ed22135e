package org.backgrounder.feeds;

/**
 * A feed that could not be fetched or read, sorted by what to do about it: transient problems
 * are retried quietly with back-off; permanent ones are reported to the desk.
 */
public final class FeedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a feed failed. */
  public enum Kind {
    /** The document is not a feed (an HTML page, a sitemap). Permanent. */
    NOT_A_FEED(false, "not a feed"),
    /** The document is a feed but broken (bad XML, bad JSON). Permanent until the outlet fixes it. */
    MALFORMED(false, "not a readable feed"),
    /** The body was larger than the cap. Permanent. */
    TOO_LARGE(false, "too large"),
    /** The URL is refused (scheme, private address, file: not allowed). Permanent. */
    REFUSED(false, "not an address the bot may fetch"),
    /** 410 Gone: the feed is no more. Permanent; the feed is disabled. */
    GONE(false, "removed by the outlet"),
    /** 404 and other client errors. Permanent until fixed, retried slowly. */
    CLIENT_ERROR(false, "the server refused"),
    /** 429, 503: the server asked us to wait. Transient. */
    THROTTLED(true, "the server asked to wait"),
    /** 5xx, timeouts, connection failures. Transient. */
    UNAVAILABLE(true, "could not connect"),
    /** Too many redirects, or a loop. Permanent. */
    REDIRECTS(false, "too many redirects");

    private final boolean transientFailure;
    private final String plainWords;

    Kind(boolean transientFailure, String plainWords) {
      this.transientFailure = transientFailure;
      this.plainWords = plainWords;
    }

    public boolean isTransient() {
      return transientFailure;
    }

    /**
     * What anyone may be told: no addresses, no server's words, no exception names (those are
     * for admins, in {@code /feed ID}, and for the log).
     */
    public String plainWords() {
      return plainWords;
    }
  }

  private final Kind kind;
  private final transient java.time.Duration retryAfter;

  public FeedException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public FeedException(Kind kind, String message, Throwable cause) {
    this(kind, message, cause, null);
  }

  /** A failure after which the server asked us to wait {@code retryAfter} (429, 503). */
  public FeedException(Kind kind, String message, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** How long the server asked us to wait, when it said. */
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.ofNullable(retryAfter);
  }
}
