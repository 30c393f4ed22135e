package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.backgrounder.chat.Reply;
import org.junit.jupiter.api.Test;

class MatrixRendererTest {

  @Test
  void errors_nameCommandsAsMatrixUsersTypeThem_inBodyAndHtml() {
    Reply r = Reply.error("Usage: /sources TOPIC. See https://example.org/a <b>");

    var content = MatrixRenderer.content(r, Optional.empty(), Optional.empty());

    assertThat(content.path("body").asText())
        .isEqualTo("Usage: !bg sources TOPIC. See https://example.org/a <b>");
    assertThat(content.path("formatted_body").asText())
        .contains("<code>!bg sources</code> TOPIC")
        .contains("https://example.org/a &lt;b&gt;");
  }
}
