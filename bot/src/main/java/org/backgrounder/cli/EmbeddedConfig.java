package org.backgrounder.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shipped config, built into the jar, so that {@code java -jar backgrounder.jar chat} works
 * anywhere: it is copied to a temporary folder, deleted when the process exits.
 */
final class EmbeddedConfig {

  private EmbeddedConfig() {}

  static Path extract() throws IOException {
    URL url = EmbeddedConfig.class.getResource("/default-config/backgrounder.yaml");
    if (url == null) {
      throw new UserError("this build has no built-in config; give one with --config DIR");
    }
    Path target = Files.createTempDirectory("backgrounder-config");
    try {
      URI root = url.toURI().resolve(".");
      if ("jar".equals(url.getProtocol())) {
        String s = url.toString();
        URI jar = URI.create(s.substring(0, s.indexOf("!/")));
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of())) {
          copy(fs.getPath("/default-config"), target);
        }
      } else {
        copy(Path.of(root), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException("cannot read the built-in config: " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(target)));
    return target;
  }

  private static void copy(Path from, Path to) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = s.toList();
    }
    for (Path p : all) {
      Path dest = to.resolve(from.relativize(p).toString());
      if (Files.isDirectory(p)) {
        Files.createDirectories(dest);
      } else {
        Files.createDirectories(dest.getParent());
        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // a temporary folder; the OS cleans up what we cannot
        }
      });
    } catch (IOException ignored) {
      // same
    }
  }
}
