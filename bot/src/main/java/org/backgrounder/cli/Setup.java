package org.backgrounder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.backgrounder.config.ConfigException;
import org.backgrounder.config.Settings;
import org.backgrounder.config.SettingsLoader;
import org.backgrounder.config.Version;

/** Resolves the folders and settings every command starts from. Wiring only. */
final class Setup {

  private Setup() {}

  /**
   * The config folder: the one given with --config, which must exist; else ./config; else the
   * built-in example, so that a new user sees a working bot with nothing set up.
   */
  static Path configDir(BackgrounderCommand top) {
    if (top.resolvedConfig != null) {
      return top.resolvedConfig;
    }
    Path dir = top.config;
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserError("the config folder '" + dir + "' does not exist; give one with --config DIR"
          + " (it holds backgrounder.yaml, facts/ and feeds.yaml)");
    }
    if (dir == null) {
      dir = Path.of("config");
      if (!Files.isDirectory(dir)) {
        try {
          dir = EmbeddedConfig.extract();
        } catch (java.io.IOException e) {
          throw new UserError("there is no ./config folder and the built-in one cannot be used ("
              + e.getMessage() + "); give one with --config DIR");
        }
        System.err.println("backgrounder: no ./config folder here; using the built-in example story"
            + " (give your own with --config DIR)");
      }
    }
    top.resolvedConfig = dir;
    return dir;
  }

  /** The data folder, created when missing. */
  static Path dataDir(BackgrounderCommand top) {
    Path dir = top.data;
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new UserError("cannot create the data folder '" + dir + "': " + e.getMessage()
          + "; give another with --data DIR");
    }
    return dir;
  }

  /** The settings, read once per command however many parts ask for them. */
  static Settings settings(BackgrounderCommand top) throws ConfigException {
    if (top.settings == null) {
      Path dir = configDir(top);
      top.settings = SettingsLoader.fromEnvironment().load(dir,
          dir.resolve(SettingsLoader.FILE_NAME).toString());
    }
    return top.settings;
  }

  /** A client for checking links by hand: short timeouts, redirects followed, our user agent. */
  static OkHttpClient linkCheckClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(15))
        .callTimeout(Duration.ofSeconds(30))
        .followRedirects(true)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("User-Agent", "Backgrounder/" + Version.current() + " (link check)")
            .build()))
        .build();
  }
}
