package org.backgrounder.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What people type in Slack, read as neutral text and commands. */
class SlackTextTest {

  @Test
  void neutral_botMention_isStrippedWherever() {
    assertThat(SlackText.neutral("<@U222> who designated the cartels?", "U222"))
        .isEqualTo("who designated the cartels?");
    assertThat(SlackText.neutral("so <@U222|backgrounder>, when?", "U222")).isEqualTo("so , when?");
  }

  @Test
  void neutral_bareMention_isHelp() {
    assertThat(SlackText.neutral("<@U222>  ", "U222")).isEqualTo("/help");
  }

  @Test
  void neutral_otherMarkup_readsAsPeopleSeeIt() {
    assertThat(SlackText.neutral("<@U222> ask <@U333|maria> about <#C123|desk>,"
        + " <https://example.org/a|this story> &amp; <https://example.org/b> &lt;3 <!here>", "U222"))
        .isEqualTo("ask @maria about #desk, this story & https://example.org/b <3 @here");
  }

  @Test
  void neutral_slashTextAfterMention_staysACommand() {
    assertThat(SlackText.neutral("<@U222> /sources palantir", "U222"))
        .isEqualTo("/sources palantir");
  }

  @Test
  void command_knownSubcommand_becomesTheNeutralCommand() {
    assertThat(SlackText.command("sources palantir", SlackText.SUBCOMMANDS)).isEqualTo("/sources palantir");
    assertThat(SlackText.command("Timeline", SlackText.SUBCOMMANDS)).isEqualTo("/timeline");
    assertThat(SlackText.command("ask who designated the cartels?", SlackText.SUBCOMMANDS))
        .isEqualTo("/ask who designated the cartels?");
    assertThat(SlackText.command("help sources", SlackText.SUBCOMMANDS)).isEqualTo("/help sources");
  }

  @Test
  void command_nothing_isHelp() {
    assertThat(SlackText.command("", SlackText.SUBCOMMANDS)).isEqualTo("/help");
    assertThat(SlackText.command("   ", SlackText.SUBCOMMANDS)).isEqualTo("/help");
    assertThat(SlackText.command(null, SlackText.SUBCOMMANDS)).isEqualTo("/help");
  }

  @Test
  void command_anythingElse_isAQuestion() {
    assertThat(SlackText.command("who designated the cartels?", SlackText.SUBCOMMANDS))
        .isEqualTo("who designated the cartels?");
    assertThat(SlackText.command("sourcesx palantir", SlackText.SUBCOMMANDS)).isEqualTo("sourcesx palantir");
    assertThat(SlackText.command("a &amp; b", SlackText.SUBCOMMANDS)).isEqualTo("a & b");
  }

  @Test
  void slashForm_neutralCommand_isWrittenWithBg() {
    assertThat(SlackText.slashForm("/timeline cartel")).isEqualTo("/bg timeline cartel");
    assertThat(SlackText.slashForm("/help [COMMAND]")).isEqualTo("/bg help [COMMAND]");
    assertThat(SlackText.slashForm("/bg sources x")).isEqualTo("/bg sources x");
    assertThat(SlackText.slashForm("/giphy cats")).isEqualTo("/giphy cats");
    assertThat(SlackText.slashForm("ask anything")).isEqualTo("ask anything");
  }

  @Test
  void mentions_tellTheBotFromOthers() {
    assertThat(SlackText.mentions("hi <@U222>", "U222")).isTrue();
    assertThat(SlackText.mentions("hi <@U2223>", "U222")).isFalse();
    assertThat(SlackText.mentionsSomeoneElse("hi <@U222> and <@U333|x>", "U222")).isTrue();
    assertThat(SlackText.mentionsSomeoneElse("hi <@U222>", "U222")).isFalse();
    assertThat(SlackText.isSlackId("U0123ABCD")).isTrue();
    assertThat(SlackText.isSlackId("U1><!channel")).isFalse();
  }
}
