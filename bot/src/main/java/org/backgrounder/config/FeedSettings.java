package org.backgrounder.config;

import java.time.Duration;

/**
 * How feeds are fetched.
 *
 * @param userAgent names the bot and a contact URL, so an outlet can reach the desk
 * @param allowFileUrls allow {@code file:} feeds (archived snapshots, tests)
 * @param allowPrivateAddresses allow feeds on loopback, private and link-local addresses
 * @param maxBytes the most a feed body may be, compressed or not
 * @param maxConcurrent requests in flight at once, across all hosts
 * @param poll whether {@code run} polls feeds (default true)
 * @param useProxy fetch feeds through the proxy the JVM is set to use (default false: directly,
 *     so that the address checks see where each name resolves)
 */
public record FeedSettings(String userAgent, Boolean allowFileUrls, Boolean allowPrivateAddresses,
    Duration connectTimeout, Duration readTimeout, Duration callTimeout, Long maxBytes,
    Integer maxConcurrent, Boolean poll, Boolean useProxy) {

  static final FeedSettings DEFAULT = new FeedSettings(null, null, null, null, null, null, null,
      null, null, null);

  /** The settings before {@code use_proxy} (no proxy). */
  public FeedSettings(String userAgent, Boolean allowFileUrls, Boolean allowPrivateAddresses,
      Duration connectTimeout, Duration readTimeout, Duration callTimeout, Long maxBytes,
      Integer maxConcurrent, Boolean poll) {
    this(userAgent, allowFileUrls, allowPrivateAddresses, connectTimeout, readTimeout, callTimeout,
        maxBytes, maxConcurrent, poll, null);
  }

  public FeedSettings {
    userAgent = userAgent == null || userAgent.isBlank()
        ? "Backgrounder/" + Version.current() + " (newsroom research bot)" : userAgent.strip();
    allowFileUrls = allowFileUrls != null && allowFileUrls;
    allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    callTimeout = callTimeout == null ? Duration.ofSeconds(60) : callTimeout;
    maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
    maxConcurrent = maxConcurrent == null ? 8 : maxConcurrent;
    poll = poll == null || poll;
    useProxy = useProxy != null && useProxy;
    if (maxBytes < 1024 || maxConcurrent < 1) {
      throw new IllegalArgumentException("max_bytes must be at least 1024 and max_concurrent at"
          + " least 1");
    }
  }
}
