package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.backgrounder.Eventually;
import org.backgrounder.TestPaths;
import org.backgrounder.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsReloaderTest {

  @Test
  void watcher_whenApplyingAnEditThrows_tellsTheAdminsAndAppliesItOnTheNextCheck(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("cartels-fto.yaml");
    Files.copy(TestPaths.shippedConfig().resolve("facts/cartels-fto.yaml"), file);
    FactBase initial = FactFileLoader.standard().load(dir, Path::toString).factBase();
    AtomicInteger applied = new AtomicInteger();
    List<List<Problem>> reported = new CopyOnWriteArrayList<>();
    FactsReloader reloader = new FactsReloader(dir, FactFileLoader.standard(), initial, base -> {
      if (applied.incrementAndGet() == 1) {
        // What a full disk under index.sync, or a locked history table, does.
        throw new UncheckedIOException(new IOException("No space left on device"));
      }
    }, reported::add);
    try (reloader) {
      reloader.start(Duration.ofMillis(30));
      Files.writeString(file, Files.readString(file).replace("his first day back in office",
          "his first day in office again"));

      Eventually.await(Duration.ofSeconds(10), () -> applied.get() >= 2);

      assertThat(reloader.current()).isNotSameAs(initial);
      assertThat(reloader.current().stories().get(0).facts().get(0).text())
          .contains("his first day in office again");
      assertThat(reported).singleElement().satisfies(problems -> assertThat(problems)
          .singleElement().asString().contains("could not be applied"));
    }
  }
}
