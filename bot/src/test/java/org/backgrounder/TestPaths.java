package org.backgrounder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository's own files and the shared corpora. */
public final class TestPaths {

  private TestPaths() {}

  /** The repository root (the folder holding config/ and bot/). */
  public static Path repo() {
    String prop = System.getProperty("backgrounder.repo");
    Path p = prop != null ? Path.of(prop) : Path.of("..");
    return p.toAbsolutePath().normalize();
  }

  /** The shipped config folder. */
  public static Path shippedConfig() {
    return repo().resolve("config");
  }

  /** A test resource folder or file, e.g. {@code facts/broken}. */
  public static Path resource(String relative) {
    return repo().resolve("bot/src/test/resources").resolve(relative);
  }

  /**
   * A folder of {@code ../shared/corpora}; the calling test is skipped, saying so, when the corpora
   * are not there (the project builds and tests without them).
   */
  public static Path corpus(String relative) {
    Path p = repo().resolve("../shared/corpora").resolve(relative).normalize();
    assumeTrue(Files.exists(p), "skipped: the shared corpus " + p + " is not present on this machine");
    return p;
  }
}
