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
    NOT_A_FEED(false),
    /** The document is a feed but broken (bad XML, bad JSON). Permanent until the outlet fixes it. */
    MALFORMED(false),
    /** The body was larger than the cap. Permanent. */
    TOO_LARGE(false),
    /** The URL is refused (scheme, private address, file: not allowed). Permanent. */
    REFUSED(false),
    /** 410 Gone: the feed is no more. Permanent; the feed is disabled. */
    GONE(false),
    /** 404 and other client errors. Permanent until fixed, retried slowly. */
    CLIENT_ERROR(false),
    /** 429, 503: the server asked us to wait. Transient. */
    THROTTLED(true),
    /** 5xx, timeouts, connection failures. Transient. */
    UNAVAILABLE(true),
    /** Too many redirects, or a loop. Permanent. */
    REDIRECTS(false);

    private final boolean transientFailure;

    Kind(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Kind kind;

  public FeedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public FeedException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
