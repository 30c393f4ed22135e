package org.backgrounder.chat.slack;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people type in Slack, turned into the neutral text the dispatcher reads, and the neutral
 * command forms turned back into what a Slack user types ({@code /sources x} is
 * {@code /bg sources x} here).
 */
final class SlackText {

  /** The slash command the manifest registers. */
  static final String SLASH = "/bg";

  /**
   * The command set's names, for when {@link SlackPlatform#create} is not given the registry's:
   * the words after {@code /bg} that name a command; anything else after {@code /bg} is a question.
   */
  static final Set<String> SUBCOMMANDS = Set.of("ask", "sources", "timeline", "fact", "outlets",
      "latest", "digest", "feed", "feeds", "reload", "help");

  /** {@code <@U123>}, {@code <@U123|name>}, {@code <#C123|general>}, {@code <!here>}, links. */
  private static final Pattern ANGLED = Pattern.compile("<([@#!]?)([^<>|]*)(?:\\|([^<>]*))?>");
  private static final Pattern USER_MENTION = Pattern.compile("<@([A-Z0-9]+)(?:\\|[^<>]*)?>");
  private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,}");

  private SlackText() {}

  /**
   * A message's text as the bot should read it: its own mention removed, other mentions, channels
   * and links as the words people see, Slack's {@code &amp;} {@code &lt;} {@code &gt;} decoded. A
   * bare mention becomes {@code /help}.
   */
  static String neutral(String slackText, String botUserId) {
    if (slackText == null) {
      return "";
    }
    String withoutBot = botUserId == null ? slackText
        : USER_MENTION.matcher(slackText).replaceAll(m ->
            m.group(1).equals(botUserId) ? " " : Matcher.quoteReplacement(m.group()));
    Matcher m = ANGLED.matcher(withoutBot);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(readable(m.group(1), m.group(2), m.group(3))));
    }
    m.appendTail(b);
    String text = Mrkdwn.oneLine(decode(b.toString()));
    return text.isEmpty() ? "/help" : text;
  }

  private static String readable(String sigil, String id, String label) {
    return switch (sigil) {
      case "@" -> "@" + (label != null && !label.isBlank() ? label : id);
      case "#" -> "#" + (label != null && !label.isBlank() ? label : id);
      case "!" -> "@" + (id.startsWith("subteam^") && label != null ? label.replaceFirst("^@", "")
          : id);
      default -> label != null && !label.isBlank() ? label : id;
    };
  }

  /** Slack escapes exactly these three in message text. */
  static String decode(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Whether the raw text mentions {@code userId}. */
  static boolean mentions(String slackText, String userId) {
    if (slackText == null || userId == null) {
      return false;
    }
    Matcher m = USER_MENTION.matcher(slackText);
    while (m.find()) {
      if (m.group(1).equals(userId)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the raw text mentions a person other than the bot (a remark meant for them). */
  static boolean mentionsSomeoneElse(String slackText, String botUserId) {
    if (slackText == null) {
      return false;
    }
    Matcher m = USER_MENTION.matcher(slackText);
    while (m.find()) {
      if (!m.group(1).equals(botUserId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text after {@code /bg} in neutral form: {@code sources x} becomes {@code /sources x},
   * nothing becomes {@code /help}, and anything that does not start with a subcommand is a question.
   */
  static String command(String args, Set<String> subcommands) {
    String text = Mrkdwn.oneLine(decode(args == null ? "" : args));
    if (text.isEmpty()) {
      return "/help";
    }
    if (text.startsWith("/")) {
      return text;
    }
    int space = text.indexOf(' ');
    String first = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    if (subcommands.contains(first)) {
      return "/" + first + (space < 0 ? "" : text.substring(space));
    }
    return text;
  }

  /** A neutral command as a Slack user types it: {@code /timeline cartel} → {@code /bg timeline cartel}. */
  static String slashForm(String neutral) {
    if (!neutral.startsWith("/") || neutral.startsWith(SLASH + " ") || neutral.equals(SLASH)) {
      return neutral;
    }
    String rest = neutral.substring(1);
    int end = 0;
    while (end < rest.length() && Character.isLetter(rest.charAt(end))) {
      end++;
    }
    String word = rest.substring(0, end).toLowerCase(Locale.ROOT);
    return SUBCOMMANDS.contains(word) ? SLASH + " " + rest : neutral;
  }

  /** Whether a string is shaped like a Slack id (U0123ABCD), so it is safe inside {@code <@...>}. */
  static boolean isSlackId(String id) {
    return id != null && SLACK_ID.matcher(id).matches();
  }
}
