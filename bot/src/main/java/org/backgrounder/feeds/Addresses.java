package org.backgrounder.feeds;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which IP addresses a feed may be fetched from: public unicast only. An IPv6 address that
 * carries an IPv4 one (IPv4-mapped and -compatible, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) is judged by the IPv4 address it leads to.
 */
final class Addresses {

  /** Special-purpose ranges (IANA's registries): local, shared, reserved, documentation, tests. */
  private static final List<Range> V4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
      "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
      "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "224.0.0.0/4", "240.0.0.0/4");
  private static final List<Range> V6 = ranges("::/96", "::ffff:0:0:0/96", "64:ff9b:1::/48",
      "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10",
      "fec0::/10", "ff00::/8");
  /** Java reads "::ffff:a.b.c.d" as IPv4 already, but a raw 16-byte answer can still carry it. */
  private static final Range MAPPED = new Range(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
  private static final Range NAT64 = range("64:ff9b::/96");
  private static final Range SIX_TO_FOUR = range("2002::/16");
  /** A dotted quad as people write it: four decimal numbers, no leading zeros. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
          + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  /** The last label of a host that URL and socket parsers read as a number ("1", "0x7f"). */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)(?:0x[0-9a-f]*|[0-9]+)");

  private Addresses() {}

  /** True for every address a feed must not be fetched from unless private ones are allowed. */
  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 16) {
      Optional<byte[]> v4 = embeddedV4(b);
      if (v4.isPresent()) {
        return isPrivateV4(v4.get());
      }
      return V6.stream().anyMatch(r -> r.contains(b));
    }
    return isPrivateV4(b);
  }

  private static boolean isPrivateV4(byte[] b) {
    return V4.stream().anyMatch(r -> r.contains(b));
  }

  private static Optional<byte[]> embeddedV4(byte[] b) {
    if (MAPPED.contains(b) || NAT64.contains(b)) {
      return Optional.of(Arrays.copyOfRange(b, 12, 16));
    }
    if (SIX_TO_FOUR.contains(b)) {
      return Optional.of(Arrays.copyOfRange(b, 2, 6));
    }
    return Optional.empty();
  }

  /**
   * The address a host of a parsed URL stands for when it is written as one, without asking DNS,
   * exactly as the HTTP client will connect to it; empty for a name (DNS then decides, through
   * {@link GuardedDns}). Numeric spellings other than a plain dotted quad or an IPv6 literal
   * ({@code 127.1}, {@code 2130706433}, {@code 0x7f.1}) are refused: socket libraries disagree on
   * what they mean, and no outlet writes them.
   *
   * @param host as {@link okhttp3.HttpUrl#host()} gives it: percent-decoded, IPv6 without brackets
   */
  static Optional<InetAddress> literal(String host) throws UnknownHostException {
    if (host.contains(":")) {
      return Optional.of(InetAddress.getByName("[" + host + "]"));
    }
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (DOTTED_QUAD.matcher(h).matches() && !host.endsWith(".")) {
      return Optional.of(InetAddress.getByName(h));
    }
    String last = h.substring(h.lastIndexOf('.') + 1);
    if (h.isEmpty() || NUMERIC_LABEL.matcher(last).matches()) {
      throw new UnknownHostException(host + " is not a plain address");
    }
    return Optional.empty();
  }

  private static List<Range> ranges(String... cidrs) {
    return Arrays.stream(cidrs).map(Addresses::range).toList();
  }

  private static Range range(String cidr) {
    int slash = cidr.indexOf('/');
    try {
      // Literals only: getByName parses them without a lookup.
      byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      if (cidr.contains(":") && prefix.length == 4) {
        throw new IllegalStateException("written as IPv6, read as IPv4: " + cidr);
      }
      return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not a range: " + cidr, e);
    }
  }

  /** A CIDR range. */
  private record Range(byte[] prefix, int bits) {
    boolean contains(byte[] a) {
      if (a.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (prefix[full] & mask);
    }
  }
}
