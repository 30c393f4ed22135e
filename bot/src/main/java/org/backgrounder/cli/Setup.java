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

  /** The config folder, which must exist. */
  static Path configDir(BackgrounderCommand top) {
    Path dir = top.config;
    if (!Files.isDirectory(dir)) {
      throw new UserError("the config folder '" + dir + "' does not exist; give one with --config DIR"
          + " (it holds backgrounder.yaml, facts/ and feeds.yaml)");
    }
    return dir;
  }

  static Settings settings(BackgrounderCommand top) throws ConfigException {
    Path dir = configDir(top);
    return SettingsLoader.fromEnvironment().load(dir, dir.resolve(SettingsLoader.FILE_NAME).toString());
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
