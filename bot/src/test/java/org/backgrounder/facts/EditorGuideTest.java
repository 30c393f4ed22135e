package org.backgrounder.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.backgrounder.TestPaths;
import org.junit.jupiter.api.Test;

/** The editors' guide must not teach a file the bot refuses. */
class EditorGuideTest {

  @Test
  void guideExample_isAValidFactFile() throws IOException {
    String guide = Files.readString(TestPaths.repo().resolve("docs/fact-file.md"));
    int start = guide.indexOf("```yaml\n") + "```yaml\n".length();
    int end = guide.indexOf("```", start);
    String example = guide.substring(start, end);

    FactFileLoader.Result result = FactFileLoader.standard().parse(example, "docs/fact-file.md");

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).singleElement()
        .satisfies(f -> assertThat(f.story().id()).isEqualTo("port-strike"));
  }
}
