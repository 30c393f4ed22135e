package org.backgrounder.facts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What counts as a link the bot may show: an absolute http or https URL with a host. */
public final class Links {

  private Links() {}

  /** The URL, when {@code text} is an absolute http(s) URL with a host. */
  public static Optional<URI> parseWebLink(String text) {
    if (text == null || text.isBlank() || !text.strip().equals(text)) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      return isWebLink(uri) ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  public static boolean isWebLink(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getScheme() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
        && !uri.getHost().isEmpty();
  }

  static URI requireWebLink(URI uri) {
    if (!isWebLink(uri)) {
      throw new IllegalArgumentException("not an absolute http(s) link: " + uri);
    }
    return uri;
  }
}
