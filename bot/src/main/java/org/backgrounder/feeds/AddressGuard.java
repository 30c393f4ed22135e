package org.backgrounder.feeds;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Route;

/**
 * Keeps feed requests off addresses they must not reach, at the three places the HTTP client
 * decides where to connect: a host written as an address (which never reaches DNS), a name (the
 * {@link #dns}), and, as the last word, the socket address of the connection itself (the
 * {@link #interceptor}, before a byte of the request is sent).
 */
final class AddressGuard {

  static final String REFUSED = "refused: ";
  private static final String WHY = " (feeds.allow_private_addresses is off)";

  private final Predicate<InetAddress> refused;

  AddressGuard(Predicate<InetAddress> refused) {
    this.refused = refused;
  }

  /** A connection the guard stopped; never retried on another route. */
  static final class RefusedAddress extends java.net.ProtocolException {
    private static final long serialVersionUID = 1L;

    RefusedAddress(String message) {
      super(message);
    }
  }

  /** Checks the host of {@code url} when it is written as an address. */
  void checkLiteral(HttpUrl url) throws FeedException {
    Optional<InetAddress> a;
    try {
      a = Addresses.literal(url.host());
    } catch (UnknownHostException e) {
      throw new FeedException(FeedException.Kind.REFUSED, REFUSED + e.getMessage());
    }
    if (a.isPresent() && refused.test(a.get())) {
      throw new FeedException(FeedException.Kind.REFUSED, REFUSED + url.host()
          + " is a private address" + WHY);
    }
  }

  /** DNS that refuses a name when any of its addresses is refused. */
  Dns dns() {
    return hostname -> {
      List<InetAddress> all = Dns.SYSTEM.lookup(hostname);
      for (InetAddress a : all) {
        if (refused.test(a)) {
          throw new UnknownHostException(REFUSED + hostname + " resolves to "
              + a.getHostAddress() + ", a private address" + WHY);
        }
      }
      return all;
    };
  }

  /** A network interceptor: the address actually connected to, whatever led there. */
  Interceptor interceptor() {
    return chain -> {
      Route route = chain.connection() == null ? null : chain.connection().route();
      if (route != null && route.proxy().type() == Proxy.Type.DIRECT
          && refused.test(route.socketAddress().getAddress())) {
        throw new RefusedAddress(REFUSED + chain.request().url().host() + " connected to "
            + route.socketAddress().getAddress().getHostAddress() + ", a private address" + WHY);
      }
      return chain.proceed(chain.request());
    };
  }

  /** Whether {@code e} is the guard's own refusal, from the DNS or the interceptor. */
  static boolean isRefusal(IOException e) {
    return e instanceof RefusedAddress || (e instanceof UnknownHostException
        && String.valueOf(e.getMessage()).startsWith(REFUSED));
  }
}
