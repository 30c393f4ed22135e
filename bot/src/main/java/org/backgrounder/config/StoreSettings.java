package org.backgrounder.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where everything durable lives.
 *
 * @param url absent or {@code sqlite:}: the SQLite file in the data folder (one process);
 *     {@code postgresql://host:port/database}: a PostgreSQL database replicas share
 * @param user the PostgreSQL user, usually from the environment
 * @param password the PostgreSQL password, from the environment; never in the URL
 */
public record StoreSettings(String url, String user, Secret password) {

  static final StoreSettings DEFAULT = new StoreSettings(null, null, null);

  private static final int DEFAULT_PORT = 5432;

  public StoreSettings {
    url = url == null || url.isBlank() ? "sqlite:" : url.strip();
    user = user == null ? "" : user.strip();
    password = password == null ? Secret.of("") : password;
    if (url.equals("sqlite:")) {
      if (!user.isEmpty() || !password.isEmpty()) {
        throw new IllegalArgumentException("user and password are for a postgresql:// url;"
            + " SQLite (the default) needs neither");
      }
    } else {
      parse(url);
      if (user.isEmpty()) {
        throw new IllegalArgumentException("user is needed with a postgresql:// url;"
            + " write e.g. user: ${BACKGROUNDER_DB_USER}");
      }
    }
  }

  /** Whether the store is PostgreSQL (shared by replicas) rather than the embedded SQLite. */
  public boolean postgresql() {
    return !url.equals("sqlite:");
  }

  /** The JDBC URL of the PostgreSQL database; empty for SQLite. Holds no credentials. */
  public Optional<String> jdbcUrl() {
    if (!postgresql()) {
      return Optional.empty();
    }
    URI u = parse(url);
    int port = u.getPort() < 0 ? DEFAULT_PORT : u.getPort();
    String host = u.getHost().contains(":") && !u.getHost().startsWith("[")
        ? "[" + u.getHost() + "]" : u.getHost();
    return Optional.of("jdbc:postgresql://" + host + ":" + port + u.getRawPath()
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
  }

  private static URI parse(String url) {
    String usage = "url must be sqlite: or postgresql://host:port/database; found '";
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(usage + url + "'");
    }
    if (!"postgresql".equals(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException(usage + url + "'");
    }
    if (u.getRawUserInfo() != null) {
      // Never echo the URL here: its user part may hold a password.
      throw new IllegalArgumentException("url must not hold a user or password; put them in"
          + " user and password, read from the environment (password: ${BACKGROUNDER_DB_PASSWORD})");
    }
    String query = u.getRawQuery() == null ? "" : u.getRawQuery().toLowerCase(Locale.ROOT);
    if (query.matches("(.*&)?(password|user)=.*")) {
      throw new IllegalArgumentException("url must not hold a user or password; put them in"
          + " user and password, read from the environment (password: ${BACKGROUNDER_DB_PASSWORD})");
    }
    String path = u.getRawPath();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw new IllegalArgumentException("url must name the database, as in"
          + " postgresql://host:port/backgrounder; found '" + url + "'");
    }
    return u;
  }
}
