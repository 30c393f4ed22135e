package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backgrounder.chat.Reply;
import org.junit.jupiter.api.Test;

/** Reply → Block Kit: escaping, badges, links, and Slack's size limits. */
class BlockKitTest {

  private static JsonNode blocks(SlackMessage m) throws IOException {
    return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(m.blocks()));
  }

  private static List<String> texts(SlackMessage m) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode b : blocks(m)) {
      if (b.has("text")) {
        out.add(b.get("text").get("text").asText());
      } else if (b.has("elements")) {
        b.get("elements").forEach(e -> out.add(e.path("text").asText()));
      }
    }
    return out;
  }

  private static Reply paragraphs(List<Reply.Block> blocks, List<Reply.Link> links,
      Optional<String> continuation) {
    return new Reply(Reply.Kind.ANSWER, blocks, links, Optional.empty(), continuation);
  }

  @Test
  void render_slackControlsInContent_areEscapedEverywhere() throws IOException {
    SlackMessage m = BlockKit.render(Replies.answer("q"), 0);

    String all = String.join("\n", texts(m)) + "\n" + m.text();
    assertThat(all).contains("&lt;!channel&gt;", "&lt;@U123&gt;", "a &amp; b");
    assertThat(all).doesNotContain("<!channel>", "<@U123>", "<!here>", "<https://evil");
    // the only "<" left opens the one link a Reply.Link makes
    Matcher links = Pattern.compile("<([^>]*)>").matcher(all);
    List<String> found = new ArrayList<>();
    while (links.find()) {
      found.add(links.group(1));
    }
    assertThat(found).containsExactly(
        "https://example.org/report?id=1&amp;lang=en|The report \u2223 part &lt;1&gt;");
  }

  @Test
  void render_broadcastWords_areDefused() throws IOException {
    Reply r = Reply.info("Tell @channel, @HERE and @everyone; email news@here.example stays");
    String text = texts(BlockKit.render(r, 0)).get(0);

    assertThat(text).doesNotContainPattern("(?i)@(channel|here|everyone)\\b");
    assertThat(text).contains("@\u2060channel", "@\u2060HERE", "@\u2060everyone");
    assertThat(BlockKit.render(r, 0).text()).doesNotContainPattern("(?i)@(channel|here)\\b");
  }

  @Test
  void render_badges_areItalicAndLowercase() throws IOException {
    Reply r = paragraphs(List.of(new Reply.Paragraph(List.of(new Reply.Text("Said so "),
        new Reply.Badge("Reported"), new Reply.Text(" and "), new Reply.Badge("DISPUTED")))),
        List.of(), Optional.empty());

    assertThat(texts(BlockKit.render(r, 0)).get(0))
        .isEqualTo("Said so _reported_ and _disputed_");
  }

  @Test
  void render_sources_areNumberedLinksWithOutletDateAndKind() throws IOException {
    Reply r = paragraphs(List.of(new Reply.Paragraph(List.of(new Reply.Text("Fact "),
        new Reply.Cite(1), new Reply.Cite(2)))),
        List.of(Replies.link(1, "https://state.example/fto", "Designation of cartels", "State"),
            new Reply.Link(2, URI.create("https://news.example/x"), "Coverage", "News & Co",
                Optional.empty(), "news")),
        Optional.empty());

    List<String> texts = texts(BlockKit.render(r, 0));

    assertThat(texts.get(0)).isEqualTo("Fact [1][2]");
    assertThat(texts.get(1)).isEqualTo("*Sources*\n"
        + "[1] <https://state.example/fto|Designation of cartels> \u2014 State, 2025-02-20 (primary)\n"
        + "[2] <https://news.example/x|Coverage> \u2014 News &amp; Co (news)");
  }

  @Test
  void render_spanishReply_headsItsLinksInSpanish() throws IOException {
    Reply r = new Reply(Reply.Kind.ANSWER, List.of(new Reply.Paragraph(List.of(
        new Reply.Text("Hecho "), new Reply.Cite(1)))),
        List.of(Replies.link(1, "https://state.example/fto", "Designation of cartels", "State")),
        Optional.empty(), Optional.empty(), "es");

    assertThat(texts(BlockKit.render(r, 0)).get(1)).startsWith("*Fuentes*\n[1] ");
  }

  @Test
  void render_linkTitleWithPipeOrBrackets_cannotBreakOrRetargetTheLink() {
    String pipe = Mrkdwn.link(URI.create("https://a.example/"), "x|y > z", 300);
    String embedded = Mrkdwn.link(URI.create("https://a.example/"), "x|https://evil.example>", 300);
    String urlTitle = Mrkdwn.link(URI.create("https://a.example/real"), "https://b.example/fake",
        300);
    String script = Mrkdwn.link(URI.create("javascript:alert(1)"), "click <me>", 300);
    String bareDomain = Mrkdwn.link(URI.create("https://a.example/real"), "www.b.example/x", 300);
    String ordinary = Mrkdwn.link(URI.create("https://a.example/real"), "Report no. 4.2", 300);

    assertThat(pipe).isEqualTo("<https://a.example/|x\u2223y &gt; z>");
    assertThat(embedded).isEqualTo("<https://a.example/|https://a.example/>");
    assertThat(urlTitle).isEqualTo("<https://a.example/real|https://a.example/real>");
    assertThat(script).isEqualTo("click &lt;me&gt; (javascript:alert(1))").doesNotContain("<");
    assertThat(bareDomain).isEqualTo("<https://a.example/real|https://a.example/real>");
    assertThat(ordinary).isEqualTo("<https://a.example/real|Report no. 4.2>");
  }

  @Test
  void render_notices_areContextBlocks_andHeadingsBold() throws IOException {
    Reply r = paragraphs(List.of(new Reply.Heading(List.of(new Reply.Text("Timeline"))),
        new Reply.Entry(List.of(new Reply.Text("2025-02-20: designated"))),
        new Reply.Notice(List.of(new Reply.Text("Checked today")))), List.of(), Optional.empty());

    JsonNode blocks = blocks(BlockKit.render(r, 0));

    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0).get("type").asText()).isEqualTo("section");
    assertThat(blocks.get(0).get("text").get("text").asText())
        .isEqualTo("*Timeline*\n\u2022 2025-02-20: designated");
    assertThat(blocks.get(0).get("text").get("verbatim").asBoolean()).isTrue();
    assertThat(blocks.get(1).get("type").asText()).isEqualTo("context");
    assertThat(blocks.get(1).get("elements").get(0).get("text").asText()).isEqualTo("Checked today");
  }

  @Test
  void render_codeSpans_showTheSlashCommandAsTypedInSlack() throws IOException {
    Reply r = paragraphs(List.of(new Reply.Entry(List.of(new Reply.Code("/sources TOPIC"),
        new Reply.Text(": lists sources"))), new Reply.Entry(List.of(new Reply.Code("/quit")))),
        List.of(), Optional.empty());

    assertThat(texts(BlockKit.render(r, 0)).get(0))
        .isEqualTo("\u2022 `/bg sources TOPIC`: lists sources\n\u2022 `/quit`");
  }

  @Test
  void render_paragraphLongerThanASection_isSplitAtSpacesWithNothingLost() throws IOException {
    StringBuilder words = new StringBuilder();
    for (int i = 0; words.length() < 7_500; i++) {
      words.append("word").append(i).append(" & ");
    }
    Reply r = Reply.info(words.toString().strip());

    List<String> texts = texts(BlockKit.render(r, 0));

    assertThat(texts).hasSizeGreaterThan(2).allSatisfy(t ->
        assertThat(t.length()).isLessThanOrEqualTo(BlockKit.SECTION_CHARS));
    assertThat(String.join(" ", texts)).isEqualTo(Mrkdwn.escape(words.toString().strip()));
  }

  @Test
  void render_moreThanFitsInFiftyBlocks_cutsBetweenEntriesAndPointsToTheRest() throws IOException {
    List<Reply.Block> entries = new ArrayList<>();
    List<Reply.Link> links = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      entries.add(new Reply.Entry(List.of(new Reply.Text("entry-" + i + " " + "x".repeat(2_000)),
          new Reply.Cite(i))));
      links.add(Replies.link(i, "https://example.org/" + i, "Source " + i, "Outlet"));
    }
    Reply r = paragraphs(entries, links, Optional.of("/timeline cartel"));

    SlackMessage m = BlockKit.render(r, 2);
    List<String> texts = texts(m);
    String all = String.join("\n", texts);

    assertThat(m.blocks()).hasSizeLessThanOrEqualTo(BlockKit.MAX_BLOCKS - 2);
    assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3_000));
    int kept = 0;
    while (all.contains("entry-" + (kept + 1) + " ")) {
      kept++;
    }
    assertThat(kept).isBetween(20, 119);
    for (int i = 1; i <= kept; i++) {
      assertThat(all).contains("entry-" + i + " " + "x".repeat(2_000) + "[" + i + "]");
      assertThat(all).contains("<https://example.org/" + i + "|Source " + i + ">");
    }
    assertThat(all).doesNotContain("entry-" + (kept + 1) + " ", "|Source " + (kept + 1) + ">");
    assertThat(texts.get(texts.size() - 1)).contains("`/bg timeline cartel`");
    assertThat(blocks(m).get(m.blocks().size() - 1).get("type").asText()).isEqualTo("context");
  }

  @Test
  void render_tooLongWithoutContinuation_suggestsANarrowerQuestion() throws IOException {
    List<Reply.Block> many = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      many.add(new Reply.Notice(List.of(new Reply.Text("n" + i + " " + "y".repeat(2_990)))));
    }
    SlackMessage m = BlockKit.render(paragraphs(many, List.of(), Optional.empty()), 0);

    assertThat(m.blocks()).hasSize(BlockKit.MAX_BLOCKS);
    assertThat(texts(m).get(texts(m).size() - 1)).contains("narrower question");
    SlackMessage es = BlockKit.render(new Reply(Reply.Kind.ANSWER, many, List.of(),
        Optional.empty(), Optional.empty(), "es"), 0);
    assertThat(texts(es).get(texts(es).size() - 1)).isEqualTo("Es todo lo que cabe en un"
        + " mensaje de Slack. Haga una pregunta más concreta para ver el resto.");
  }

  @Test
  void render_shortReply_keepsEveryBlockAndAddsNoLine() throws IOException {
    SlackMessage m = BlockKit.render(Replies.listing("palantir"), 2);

    assertThat(texts(m)).hasSize(2).noneMatch(t -> t.contains("narrower"));
  }

  @Test
  void errors_nameCommandsAsSlackUsersTypeThem() throws IOException {
    Reply r = Reply.error("Usage: /sources TOPIC. Commands: /ask, /timeline, /nonsense.");

    assertThat(texts(BlockKit.render(r, 0)).get(0)).contains("`/bg sources` TOPIC")
        .contains("`/bg ask`, `/bg timeline`").contains("/nonsense");
    assertThat(BlockKit.render(r, 0).text()).startsWith("Usage: /bg sources TOPIC.");
  }

  @Test
  void fallback_isEscapedAndCutToSlackNotificationSize() {
    Reply r = Reply.info(Replies.HOSTILE + " " + "z ".repeat(4_000));

    String text = BlockKit.render(r, 0).text();

    assertThat(text.length()).isLessThanOrEqualTo(BlockKit.TEXT_CHARS);
    assertThat(text).startsWith("Alert &lt;!channel&gt; and &lt;@U123&gt;: a &amp; b").endsWith("\u2026");
  }

  @Test
  void buttons_carryTheActionIdsAndValues() throws IOException {
    SlackMessage m = new SlackMessage("t", List.of(
        BlockKit.buttons(Optional.of("fb1"), Optional.of("sh1")).orElseThrow()));

    JsonNode elements = blocks(m).get(0).get("elements");

    assertThat(elements).extracting(e -> e.get("action_id").asText())
        .containsExactly("bg_feedback_up", "bg_feedback_down", "bg_share");
    assertThat(elements).extracting(e -> e.get("value").asText())
        .containsExactly("fb1", "fb1", "sh1");
    assertThat(BlockKit.buttons(Optional.empty(), Optional.empty())).isEmpty();
  }
}
