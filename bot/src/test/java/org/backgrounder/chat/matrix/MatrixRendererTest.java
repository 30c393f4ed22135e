package org.backgrounder.chat.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void spanishReply_headsItsLinksInSpanish_andKeepsItsLanguageWhenCut() {
    List<Reply.Block> blocks = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      blocks.add(new Reply.Entry(List.of(new Reply.Text("hecho " + i + " " + "x".repeat(40) + " "),
          new Reply.Cite(1))));
    }
    Reply r = new Reply(Reply.Kind.ANSWER, blocks, List.of(new Reply.Link(1,
        URI.create("https://example.org/1"), "Uno", "Medio", Optional.empty(), "noticia")),
        Optional.empty(), Optional.empty(), "es");

    var content = MatrixRenderer.content(r, Optional.empty(), Optional.empty());

    assertThat(content.path("body").asText()).contains("hecho 0 ").doesNotContain("hecho 2999 ")
        .contains("Es todo lo que cabe en un mensaje de Matrix.").contains("\n\nFuentes:\n");
    assertThat(content.path("formatted_body").asText())
        .contains("<p><strong>Fuentes</strong></p>").doesNotContain("Sources");
  }

  @Test
  void longReply_isCutBetweenEntriesUnderTheEventLimit_andSaysWhereTheRestIs() {
    List<Reply.Block> blocks = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      blocks.add(new Reply.Entry(List.of(new Reply.Text("entry " + i + " " + "x".repeat(40) + " "),
          new Reply.Cite(i % 2 + 1))));
    }
    List<Reply.Link> links = List.of(
        new Reply.Link(1, URI.create("https://example.org/1"), "One", "Outlet", Optional.empty(), "news"),
        new Reply.Link(2, URI.create("https://example.org/2"), "Two", "Outlet", Optional.empty(), "news"));
    Reply r = new Reply(Reply.Kind.INFO, blocks, links, Optional.empty(),
        Optional.of("/timeline cartel"));

    var content = MatrixRenderer.content(r, Optional.of("$root"), Optional.of("$q"));

    assertThat(content.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(60_000);
    String body = content.path("body").asText();
    String html = content.path("formatted_body").asText();
    assertThat(body).contains("entry 0 ").doesNotContain("entry 2999 ")
        .contains("For the rest, try !bg timeline cartel");
    assertThat(html).contains("<code>!bg timeline cartel</code>")
        .contains("<a href=\"https://example.org/2\">");
    long entries = body.lines().filter(l -> l.startsWith("  - entry ")).count();
    assertThat(html.split("<li>", -1).length - 1).isEqualTo((int) entries);
    assertThat(content.at("/m.relates_to/event_id").asText()).isEqualTo("$root");
  }
}
