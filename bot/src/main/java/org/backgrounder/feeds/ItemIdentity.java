package org.backgrounder.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backgrounder.facts.Links;
import org.backgrounder.text.Folding;

/**
 * What makes an item the same item across polls and restarts: its guid or id; else its canonical
 * link (scheme and host lower-cased, fragment and tracking parameters removed); else a hash of its
 * title and outlet.
 */
public final class ItemIdentity {

  private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "msclkid",
      "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "cmpid", "ocid", "smid", "smtyp",
      "ref_src", "rss", "taid", "cid", "sr_share");

  private ItemIdentity() {}

  /** The key of an entry of feed {@code feedId} from {@code outlet}. */
  public static String key(String feedId, String outlet, ParsedFeed.Entry e) {
    return key(feedId, outlet, e, e.link().flatMap(ItemIdentity::canonical));
  }

  /** {@link #key(String, String, ParsedFeed.Entry)}, given the canonical form of its link. */
  static String key(String feedId, String outlet, ParsedFeed.Entry e, Optional<String> link) {
    if (e.id().isPresent()) {
      String id = e.id().get();
      // A guid that is a link names the article itself, whichever of the outlet's feeds carries it;
      // any other guid is only unique within its feed.
      if (id.startsWith("http://") || id.startsWith("https://")) {
        return "guid:" + canonical(id).orElse(id);
      }
      return "guid:" + feedId + ":" + id;
    }
    if (link.isPresent()) {
      return "link:" + link.get();
    }
    return "hash:" + sha256(Folding.fold(e.title()).strip() + "\n" + outlet);
  }

  /**
   * A link in canonical form: scheme and host lower case, default port dropped, fragment and
   * tracking parameters ({@code utm_*}, {@code fbclid}, ...) removed.
   */
  public static Optional<String> canonical(String link) {
    return canonicalLink(link).map(CanonicalLink::text);
  }

  /**
   * A link in canonical form (see {@link #canonical}).
   *
   * @param parsed the link as parsed when that was already its canonical form, else null
   */
  record CanonicalLink(String text, URI parsed) {

    /** The canonical form as an http(s) link, as {@link Links#parseWebLink} reads it. */
    Optional<URI> webLink() {
      // The same text parses to an equal URI: only a link that changed is parsed again.
      return parsed != null ? Optional.of(parsed).filter(Links::isWebLink) : Links.parseWebLink(text);
    }
  }

  /**
   * {@link #canonical}, keeping the parsed link when it is already canonical, as most are: a link
   * was parsed three times on its way to the store, and is now parsed once.
   */
  static Optional<CanonicalLink> canonicalLink(String link) {
    if (link == null || link.isBlank()) {
      return Optional.empty();
    }
    try {
      String stripped = link.strip();
      URI u = new URI(stripped);
      if (u.getScheme() == null || u.getHost() == null) {
        return Optional.empty();
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String query = u.getRawQuery();
      if (query != null) {
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
          String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
          if (!part.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
            kept.add(part);
          }
        }
        query = kept.isEmpty() ? null : String.join("&", kept);
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      StringBuilder b = new StringBuilder(scheme).append("://");
      if (u.getRawUserInfo() != null) {
        b.append(u.getRawUserInfo()).append('@');
      }
      b.append(host);
      if (port != -1) {
        b.append(':').append(port);
      }
      b.append(path);
      if (query != null) {
        b.append('?').append(query);
      }
      String text = b.toString();
      return Optional.of(new CanonicalLink(text, text.equals(stripped) ? u : null));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
