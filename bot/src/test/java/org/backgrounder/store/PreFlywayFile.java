package org.backgrounder.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A data folder as the releases before Flyway left it: {@code backgrounder.db} brought to
 * {@code PRAGMA user_version} N by their steps, frozen under {@code pre-flyway/} in the test
 * resources, run the way they ran them (split at ';', one transaction per version).
 */
final class PreFlywayFile {

  private PreFlywayFile() {}

  static String url(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("backgrounder.db").toAbsolutePath();
  }

  /** Creates {@code dataDir/backgrounder.db} at {@code version}; returns a connection to it. */
  static Connection create(Path dataDir, int version) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    Connection c = DriverManager.getConnection(url(dataDir));
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA foreign_keys=ON");
    }
    for (int v = 1; v <= version; v++) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : step(v).split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
        s.execute("PRAGMA user_version=" + v);
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
    return c;
  }

  private static String step(int version) throws IOException {
    String name = "pre-flyway/user_version_" + version + ".sql";
    try (InputStream in = PreFlywayFile.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
