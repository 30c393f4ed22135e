package org.backgrounder.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.backgrounder.command.ShippedBot;
import org.backgrounder.feeds.FeedItem;
import org.junit.jupiter.api.Test;

/**
 * A conversation in the terminal with the bot on the shipped story, through {@link ConsoleChat}
 * and the real dispatcher and answer engine: the story in brief, "who is", pasted links, outlets
 * per fact, topics honoured, small talk, and replies that read at a glance.
 */
class ConversationTest {

  private static final String OSINTSIGHTS = "https://osintsights.com/2025/06/17/mexico-united-"
      + "states-cia-palantir-how-the-us-is-using-technology-to-track-mexican-cartels/";

  /** The replies to {@code lines}, each with its lines joined (the terminal wraps at 96). */
  private static List<String> say(String... lines) {
    return ShippedBot.replies(ShippedBot.terminal(lines)).stream().map(ConversationTest::flat)
        .toList();
  }

  /** The replies as printed, wrapped and indented. */
  private static List<String> printed(String... lines) {
    return ShippedBot.replies(ShippedBot.terminal(lines));
  }

  private static String flat(String text) {
    return text.replaceAll("[ \\t]*+\n[ \\t]*+(?!\n|- |\\[\\d)", " ");
  }

  /** The paragraph (block between blank lines) of {@code reply} that contains {@code text}. */
  private static String paragraphWith(String reply, String text) {
    return Arrays.stream(reply.split("\n\n")).map(ConversationTest::flat)
        .filter(p -> p.contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph with \"" + text + "\" in:\n" + reply));
  }

  @Test
  void story_command_givesSummaryReviewDateKeyPeopleAndFirstAndLatestFacts() {
    String reply = say("/story").get(0);

    assertThat(reply).startsWith("The story of \u201cU.S. designates Mexican cartels as terrorist"
        + " organizations\u201d, last reviewed by the desk on November 30, 2026.")
        .contains("In January 2025 President Trump ordered a process")
        .contains("(The desk's summary; the facts below carry the sources.)")
        .contains("Key people and groups:")
        .contains("- Marco Rubio: U.S. Secretary of State from January 2025")
        .contains("First on file, 2011: Palantir's software was used")
        .contains("Latest on file, February 22, 2026:")
        .contains("Sources:\n[1] ");
    assertThat(printed("/story").get(0)).contains("\n  - Marco Rubio: U.S. Secretary of State");
  }

  @Test
  void story_plainQuestionsAskingForIt_areAnsweredWithTheStory() {
    List<String> replies = say("background", "give me a summary of the story", "What happened?",
        "antecedentes");

    assertThat(replies).hasSize(4).allSatisfy(r -> assertThat(r)
        .startsWith("The story of \u201cU.S. designates Mexican cartels").contains("First on file"));
  }

  @Test
  void whoIs_describedEntity_givesTheDesksDescriptionFirstThenTheFactsAboutThem() {
    String reply = say("who is Marco Rubio?").get(0);

    assertThat(reply).startsWith("Marco Rubio: U.S. Secretary of State from January 2025, who"
        + " signed the cartel terrorist designations. (The desk's own description, from its fact"
        + " file, not a sourced fact.)");
    assertThat(reply.substring(reply.indexOf("sourced fact.)"))).contains("Secretary of State Marco"
        + " Rubio determined on February 6, 2025").contains("[1]");
    assertThat(say("¿Quién es Claudia Sheinbaum?").get(0))
        .startsWith("Claudia Sheinbaum: President of Mexico from October 1, 2024.");
  }

  @Test
  void link_pastedSourceLink_saysWhatItIsAndTheFactsCitingIt() {
    List<String> replies = say(OSINTSIGHTS, "/sources " + OSINTSIGHTS);

    assertThat(replies.get(0)).startsWith("- That is \u201cForeign Shadows: U.S. Tech Operations"
        + " Target Mexican Cartels\u201d, OSINTSights, June 17, 2025 (analysis), a source in the"
        + " desk's file, cited by")
        .contains("June 17, 2025: OSINTSights reported in June 2025")
        .contains("(/fact cia-palantir-campaign)")
        .contains(OSINTSIGHTS);
    assertThat(replies.get(1)).isEqualTo(replies.get(0));
  }

  @Test
  void link_feedItemLink_saysItIsANewsItem_andAnUnknownLinkIsNotOnFile() {
    List<String> replies = say(ShippedBot.SANCTIONS_LINK.toString(),
        "https://example.org/never-seen", "/sources https://example.org/never-seen");

    assertThat(replies.get(0)).startsWith("- That is \u201cU.S. weighs new sanctions on Sinaloa"
        + " Cartel leaders\u201d, Reuters, November 20, 2026 (news)")
        .contains("[1] U.S. weighs new sanctions on Sinaloa Cartel leaders. Reuters, November 20,"
            + " 2026 (news)");
    assertThat(replies.get(1)).isEqualTo("That link is not on file: no fact file or feed item I"
        + " hold has it.");
    assertThat(replies.get(2)).isEqualTo(replies.get(1));
  }

  @Test
  void outlets_underEachFact_listOnlyThatFactsOwnSources_andTopicCoverageIsLabelled() {
    String reply = printed("/outlets palantir").get(0);

    String campaign = paragraphWith(reply, "does not credit Intelligence Online");
    assertThat(campaign).contains("Reported by: OSINTSights (June 17, 2025); Intelligence Online"
        + " (credited by OSINTSights; no link on file).").doesNotContain("Washingtonian")
        .doesNotContain("WIRED");
    assertThat(paragraphWith(reply, "ImmigrationOS")).doesNotContain("Washingtonian");
    assertThat(paragraphWith(reply, "Washingtonian (first on January 31, 2012)"))
        .contains("In the news about \u201cpalantir\u201d as a whole, not any one fact:");
  }

  @Test
  void outlets_feedItemReportingAFact_isListedUnderThatFactAlone_andTheRestStayTopicWide() {
    List<FeedItem> items = new ArrayList<>(ShippedBot.items());
    items.add(ShippedBot.item("reuters-cia", "Reuters", "CIA works with Palantir on Mexico cartel"
        + " data", "U.S. intelligence agencies are working with Palantir Technologies to analyse"
        + " financial and telecommunications data in a campaign against cartels in Mexico.",
        URI.create("https://example.org/reuters/cia-palantir"), "2025-06-20T08:00:00Z"));
    // The same people and words, but published before the campaign was reported.
    items.add(ShippedBot.item("ft-2024", "Financial Times", "CIA weighs Palantir for Mexico"
        + " cartel data", "U.S. intelligence agencies consider working with Palantir Technologies"
        + " to analyse financial and telecommunications data on cartels in Mexico.",
        URI.create("https://example.org/ft/cia-palantir-2024"), "2024-03-01T08:00:00Z"));
    // Published after it and naming them all, but sharing only the story's own words.
    items.add(ShippedBot.item("ap-debate", "AP", "Palantir and the CIA come up in Mexico's cartel"
        + " debate", "Lawmakers in Mexico debated the designation of cartels as foreign terrorist"
        + " organizations; Palantir and the CIA were mentioned.",
        URI.create("https://example.org/ap/palantir-debate"), "2025-07-01T08:00:00Z"));

    String reply = ShippedBot.replies(ShippedBot.terminal(items, "/outlets palantir")).get(0);

    String campaign = paragraphWith(reply, "in a campaign against the Mexican cartels");
    assertThat(campaign).contains("Reported by: OSINTSights (June 17, 2025); Intelligence Online"
        + " (credited by OSINTSights; no link on file).")
        .containsPattern("- In the news: Reuters \\(June 20, 2025\\)\\. \\[\\d\\]")
        .doesNotContain("Financial Times").doesNotContain("AP (").doesNotContain("Washingtonian");
    // Facts about the CIA and Palantir that the item does not report.
    assertThat(paragraphWith(reply, "does not credit Intelligence Online")).doesNotContain("Reuters");
    assertThat(paragraphWith(reply, "ImmigrationOS")).doesNotContain("Reuters");
    assertThat(paragraphWith(reply, "as a whole, not any one fact:"))
        .contains("Financial Times (first on March 1, 2024)").contains("AP (first on July 1, 2025)")
        .contains("Washingtonian (first on January 31, 2012)").doesNotContain("Reuters");
    assertThat(reply).contains("CIA works with Palantir on Mexico cartel data. Reuters, June 20,"
        + " 2025 (news)").contains("https://example.org/reuters/cia-palantir");
  }

  @Test
  void latest_topic_showsOnlyItemsThatMentionIt_orSaysNothingDoes() {
    List<String> replies = say("/latest fentanyl", "/latest Sinaloa", "/latest submarines");

    assertThat(replies.get(0)).contains("Fentanyl seizures at the border").doesNotContain("Reuters")
        .doesNotContain("El Universal");
    assertThat(replies.get(1)).contains("U.S. weighs new sanctions on Sinaloa Cartel leaders")
        .contains("Sheinbaum defiende la soberan\u00eda").doesNotContain("Fentanyl seizures");
    assertThat(replies.get(2)).startsWith("I have no recent coverage that mentions")
        .doesNotContain("Reuters").doesNotContain("AP,");
  }

  @Test
  void smallTalk_greetingsAndThanks_getAShortReplyInTheirLanguage() {
    List<String> replies = say("hola", "thanks!", "gracias", "Hello!");

    assertThat(replies.get(0)).startsWith("\u00a1Hola!").contains("/story");
    assertThat(replies.get(1)).isEqualTo("You're welcome.");
    assertThat(replies.get(2)).isEqualTo("De nada.");
    assertThat(replies.get(3)).startsWith("Hello!");
    assertThat(String.join("\n", replies)).doesNotContain("no sourced answer");
  }

  @Test
  void decline_spanishQuestion_isInSpanish_andShowsTheClosestFactsWithDates() {
    String spanish = say("¿Qué dijo Sheinbaum sobre los submarinos nucleares de la marina?").get(0);
    String english = say("Did Palantir work with the Mexican navy?").get(0);

    assertThat(spanish).startsWith("No tengo una respuesta con fuentes para eso.")
        .contains("Los hechos m\u00e1s cercanos en el archivo");
    assertThat(english).startsWith("I have no sourced answer to that.")
        .contains("The closest facts on file (/fact ID shows one in full):")
        .contains("- June 17, 2025: OSINTSights reported in June 2025 that U.S. intelligence")
        .contains("\u2026 (/fact cia-palantir-campaign)")
        .doesNotContain("Related facts on file").doesNotContain("NAME");
  }

  @Test
  void timeline_doesNotRepeatTheDate_andPagesALongOne() {
    List<String> replies = say("/timeline", "/timeline 2");

    assertThat(replies.get(0)).doesNotContain("January 20, 2025: On January 20, 2025")
        .contains("On January 20, 2025, his first day back in office")
        .containsPattern("And \\d+ more: /timeline 2");
    assertThat(replies.get(1)).doesNotContain("his first day back in office")
        .containsPattern("And \\d+ more: /timeline 3");
  }

  @Test
  void fact_trailingFullStopIsIgnored_aTypoGetsDidYouMean_andNamesAreWhatItIsAbout() {
    List<String> replies = say("/fact eo-signed.", "/fact eo-signd");

    assertThat(replies.get(0)).startsWith("On January 20, 2025, his first day back in office")
        .contains("Names: Executive Order 14157, Foreign Terrorist Organization, Specially"
            + " Designated Global Terrorist.")
        .doesNotContain("Names: Donald Trump");
    assertThat(replies.get(1)).contains("I have no fact called \"eo-signd\". Did you mean"
        + " eo-signed?");
  }

  @Test
  void adminRefusal_tellsTheUserTheirOwnPlatformId() {
    String id = ConsoleChat.localUser().qualifiedId();

    String reply = ShippedBot.replies(ShippedBot.terminal(Set.of("slack:U0ADMIN"), "/reload"))
        .get(0);

    assertThat(reply).contains("for the desk's admins").contains(id);
  }

  @Test
  void sources_printEachSourceOnce() {
    String reply = say("/sources palantir").get(0);

    assertThat(reply).containsOnlyOnce("Foreign Shadows: U.S. Tech Operations Target Mexican"
        + " Cartels").contains("sources, newest first:");
  }

  @Test
  void followUps_pronounsEllipsisAndSources_areReadWithTheEarlierQuestion_andSaySo() {
    List<String> replies = say("What did Sheinbaum say about sovereignty?",
        "what did she say about an invasion?", "Who designated the Sinaloa Cartel?",
        "and the Gulf cartel?", "source for that?");

    assertThat(replies.get(0)).doesNotContain("Read with");
    assertThat(replies.get(1)).startsWith("Read with your earlier question, \u201cWhat did"
        + " Sheinbaum say about sovereignty?\u201d, as: what did Claudia Sheinbaum say about an"
        + " invasion?").contains("no U.S. invasion of Mexico");
    assertThat(replies.get(3)).startsWith("Read with your earlier question, \u201cWho designated"
        + " the Sinaloa Cartel?\u201d, as: Who designated the Gulf Cartel?")
        .contains("the Gulf Cartel");
    assertThat(replies.get(4)).startsWith("The sources of my answer to \u201cWho designated the"
        + " Gulf Cartel?\u201d:").contains("Sources:\n[1] ");
  }

  @Test
  void followUp_inSpanish_saysInSpanishHowItWasRead() {
    List<String> replies = say("¿Quién designó al Cártel de Sinaloa?", "¿y el cártel del Golfo?");

    assertThat(replies.get(1)).startsWith("Leída con su pregunta anterior, \u201c¿Quién designó"
        + " al Cártel de Sinaloa?\u201d, como: ").contains("Gulf Cartel").contains("Fuentes:")
        .doesNotContain("Read with");
  }

  @Test
  void followUp_withNothingEarlier_orNotLeaningOnIt_isAnOrdinaryQuestion() {
    List<String> replies = say("source for that?", "what did she say?",
        "What did Sheinbaum say about sovereignty?", "Is it true drones were flown?",
        "Did the CIA fly drones over it?");

    assertThat(replies.get(0)).startsWith("I have no earlier answer in this conversation");
    assertThat(replies.get(1)).doesNotContain("Read with");
    assertThat(replies.get(3)).doesNotContain("Read with");
    assertThat(replies.get(4)).doesNotContain("Read with");
  }

  @Test
  void coverageOnly_noFactButStrongCoverage_saysSoApartFromFacts_andIsStillADecline() {
    String question = "Is the U.S. planning sanctions on the Sinaloa Cartel?";

    String reply = say(question).get(0);
    org.backgrounder.chat.Reply raw = ShippedBot.dispatcher(Set.of()).handle(
        new org.backgrounder.chat.Incoming(ConsoleChat.localUser(), new org.backgrounder.chat.Room(
            "console", "terminal", true, java.util.Optional.empty()), question, "m1",
            ShippedBot.NOW));

    assertThat(reply).startsWith("No fact on file answers that. Recent coverage:")
        .contains("- \u201cU.S. weighs new sanctions on Sinaloa Cartel leaders\u201d, Reuters,"
            + " November 20, 2026 [1]")
        .contains(ShippedBot.SANCTIONS_LINK.toString());
    assertThat(raw.kind()).isEqualTo(org.backgrounder.chat.Reply.Kind.DECLINED);
  }

  @Test
  void dayQuestion_cappedAtFourFacts_saysHowManyMore_andSameDayFactsKeepOneOrder() {
    List<String> replies = say("What happened on February 20, 2025?",
        "/timeline February 20, 2025");

    assertThat(replies.get(0)).containsPattern("And \\d+ more dated February 20, 2025:"
        + " /timeline February 20, 2025 lists them.");
    String designated = "the State Department designated eight groups";
    String tookEffect = "The designations took effect when they were published";
    for (String reply : replies) {
      assertThat(reply.indexOf(designated)).isNotNegative().isLessThan(reply.indexOf(tookEffect));
    }
  }

  @Test
  void feedItemOfToday_showsItsTime() {
    String reply = say("/latest Tren de Aragua").get(0);

    assertThat(reply).contains("\u201cTren de Aragua members arrested in Texas\u201d, Reuters,"
        + " today at 09:30 UTC");
  }

  @Test
  void dates_areInOneLongStyle_andFeedItemsAreLabelledNews() {
    String reply = say("/latest sanctions").get(0);

    assertThat(reply).contains("Reuters, November 20, 2026 (news)").doesNotContain("(feed)")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
  }
}
