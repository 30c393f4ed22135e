package org.backgrounder.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {

  @Test
  void run_printsEachReplyWithNumberedLinks_andStopsAtEndOfInput() {
    List<String> seen = new ArrayList<>();
    Reply reply = new Reply(Reply.Kind.ANSWER,
        List.of(new Reply.Paragraph(List.of(new Reply.Text("The fact."), new Reply.Text(" "),
            new Reply.Cite(1), new Reply.Text(" "), new Reply.Badge("reported")))),
        List.of(new Reply.Link(1, URI.create("https://example.org/a"), "A title", "An Outlet",
            Optional.of("2025-02-20"), "news")),
        Optional.empty(), Optional.empty());
    StringWriter out = new StringWriter();
    ConsoleChat chat = ConsoleChat.create((Incoming in) -> {
      seen.add(in.text());
      return reply;
    }, LineSource.of(new BufferedReader(new StringReader("first question\n\n/sources x\n"))),
        new PrintWriter(out), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    chat.run("Welcome.");

    assertThat(seen).containsExactly("first question", "/sources x");
    assertThat(out.toString()).startsWith("Welcome.")
        .contains("The fact. [1] (reported)")
        .contains("Sources:\n[1] A title. An Outlet, 2025-02-20 (news)\n    https://example.org/a");
  }

  @Test
  void quit_endsTheChatBeforeTheInputDoes() {
    List<String> seen = new ArrayList<>();
    ConsoleChat chat = ConsoleChat.create(in -> {
      seen.add(in.text());
      return Reply.info("ok");
    }, LineSource.of(new BufferedReader(new StringReader("one\n/quit\ntwo\n"))),
        new PrintWriter(new StringWriter()), Clock.systemUTC());

    chat.run("");

    assertThat(seen).containsExactly("one");
  }

  @Test
  void exit_endsTheChatLikeQuit() {
    List<String> seen = new ArrayList<>();
    StringWriter out = new StringWriter();
    ConsoleChat chat = ConsoleChat.create(in -> {
      seen.add(in.text());
      return Reply.info("ok");
    }, LineSource.of(new BufferedReader(new StringReader("one\n  /exit  \ntwo\n"))),
        new PrintWriter(out), Clock.systemUTC());

    chat.run("Welcome.");

    assertThat(seen).containsExactly("one");
    assertThat(out.toString()).containsOnlyOnce("ok");
  }

  @Test
  void notice_isPrintedOnItsOwnLines() {
    StringWriter out = new StringWriter();
    ConsoleChat chat = ConsoleChat.create(in -> Reply.info("ok"),
        LineSource.of(new BufferedReader(new StringReader(""))), new PrintWriter(out),
        Clock.systemUTC());

    chat.notice("Fetched 14 feeds: nothing new.");

    assertThat(out.toString()).isEqualTo(System.lineSeparator() + "Fetched 14 feeds: nothing new."
        + System.lineSeparator());
  }

  @Test
  void render_statusBadge_neverWrapsAloneOntoALine() {
    String words = "word ".repeat(18) + "wordy";
    Reply reply = new Reply(Reply.Kind.ANSWER, List.of(new Reply.Paragraph(List.of(
        new Reply.Text(words), new Reply.Text(" "), new Reply.Badge("reported")))), List.of(),
        Optional.empty(), Optional.empty());

    String shown = ConsoleChat.render(reply);

    assertThat(words.length()).isLessThan(96).isGreaterThan(96 - " (reported)".length());
    assertThat(shown.lines()).noneMatch(l -> l.strip().equals("(reported)"))
        .anySatisfy(l -> assertThat(l).isEqualTo("wordy (reported)"));
  }

  @Test
  void wrap_keepsLinesUnderTheWidth() {
    String wrapped = ConsoleChat.wrap("word ".repeat(60), "  - ", "    ");

    assertThat(wrapped.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(96));
    assertThat(wrapped).startsWith("  - word");
  }
}
