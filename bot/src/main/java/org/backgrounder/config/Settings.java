package org.backgrounder.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code backgrounder.yaml} can say (docs: spec/config.md), with a default for every key
 * so that a missing file or key means "the sensible thing". Records validate in their constructors;
 * the loader turns a failure into {@code file:line:column: message}.
 *
 * @param admins who may run admin commands, as {@code platform:user-id}
 * @param adminChannel where reload errors and feed trouble go, if anywhere
 * @param store where durable state lives: SQLite in the data folder, or PostgreSQL
 */
public record Settings(
    @JsonDeserialize(contentUsing = AdminDeserializer.class) List<String> admins, SlackSettings slack, MatrixSettings matrix,
    FeedSettings feeds, List<DigestSettings> digests, ChatTarget adminChannel, Http http,
    Logging logging, Limits limits, Audit audit, Answers answers, Desk desk,
    StoreSettings store) {

  public Settings {
    admins = admins == null ? List.of() : List.copyOf(admins);
    admins.forEach(Settings::requireAdmin);
    slack = slack == null ? SlackSettings.DEFAULT : slack;
    matrix = matrix == null ? MatrixSettings.DEFAULT : matrix;
    feeds = feeds == null ? FeedSettings.DEFAULT : feeds;
    digests = digests == null ? List.of() : List.copyOf(digests);
    http = http == null ? Http.DEFAULT : http;
    logging = logging == null ? Logging.DEFAULT : logging;
    limits = limits == null ? Limits.DEFAULT : limits;
    audit = audit == null ? Audit.DEFAULT : audit;
    answers = answers == null ? Answers.DEFAULT : answers;
    desk = desk == null ? Desk.DEFAULT : desk;
    store = store == null ? StoreSettings.DEFAULT : store;
  }

  /** The settings of a deployment that wrote none. */
  public static Settings defaults() {
    return new Settings(null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  public Optional<ChatTarget> adminChannelIfSet() {
    return Optional.ofNullable(adminChannel);
  }

  /** An admin is written {@code platform:user}, as chat adapters name users. */
  static String requireAdmin(String admin) {
    if (admin == null || !admin.matches("(slack|matrix|console):\\S+")) {
      throw new IllegalArgumentException("admin '" + admin + "' must be written platform:user,"
          + " e.g. slack:U0123ABCD or matrix:@editor:newsroom.example");
    }
    return admin;
  }

  /** The chat platforms a setting may name. */
  public enum Platform {
    SLACK, MATRIX;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A channel (Slack) or room (Matrix) on a platform. */
  public record ChatTarget(Platform platform, String channel) {
    public ChatTarget {
      Objects.requireNonNull(platform, "platform is required (slack or matrix)");
      if (channel == null || channel.isBlank()) {
        throw new IllegalArgumentException("channel is required");
      }
    }
  }

  /**
   * The operations endpoint ({@code /healthz}, {@code /readyz}, {@code /metrics}).
   *
   * @param listen {@code host:port}, or {@code off}
   */
  public record Http(String listen) {
    static final Http DEFAULT = new Http(null);

    public Http {
      listen = listen == null ? "127.0.0.1:9090" : listen.strip();
      if (!listen.equals("off")) {
        Addresses.parse(listen);
      }
    }

    public boolean enabled() {
      return !listen.equals("off");
    }
  }

  /**
   * How the log is written.
   *
   * @param format {@code text} (default) or {@code json} (one object a line)
   * @param level the root level: error, warn, info (default), debug
   */
  public record Logging(Format format, Level level) {
    static final Logging DEFAULT = new Logging(null, null);

    /** How each log line is written. */
    public enum Format { TEXT, JSON }

    /** The least severe messages written. */
    public enum Level { ERROR, WARN, INFO, DEBUG, TRACE }

    public Logging {
      format = format == null ? Format.TEXT : format;
      level = level == null ? Level.INFO : level;
    }
  }

  /**
   * What one user may ask of the bot.
   *
   * @param questionsPerMinute questions a user may ask in a minute before being asked to wait
   * @param maxQuestionChars longer messages are refused politely rather than searched
   */
  public record Limits(Integer questionsPerMinute, Integer maxQuestionChars) {
    static final Limits DEFAULT = new Limits(null, null);

    public Limits {
      questionsPerMinute = questionsPerMinute == null ? 20 : questionsPerMinute;
      maxQuestionChars = maxQuestionChars == null ? 2000 : maxQuestionChars;
      if (questionsPerMinute < 1 || maxQuestionChars < 10) {
        throw new IllegalArgumentException("limits must be positive (questions_per_minute >= 1,"
            + " max_question_chars >= 10)");
      }
    }
  }

  /**
   * The audit store of questions, answers and feedback.
   *
   * @param retentionDays entries older than this are deleted
   */
  public record Audit(Integer retentionDays) {
    static final Audit DEFAULT = new Audit(null);

    public Audit {
      retentionDays = retentionDays == null ? 90 : retentionDays;
      if (retentionDays < 1) {
        throw new IllegalArgumentException("retention_days must be at least 1");
      }
    }
  }

  /**
   * How answers are given.
   *
   * @param staleAfter a fact file reviewed longer ago than this is flagged as possibly stale
   * @param recentItems how far back "recent" feed items reach for answers
   */
  public record Answers(Duration staleAfter, Duration recentItems) {
    static final Answers DEFAULT = new Answers(null, null);

    public Answers {
      staleAfter = staleAfter == null ? Duration.ofDays(90) : staleAfter;
      recentItems = recentItems == null ? Duration.ofDays(365) : recentItems;
    }
  }

  /**
   * The research desk's page at {@code /desk/} on the {@code http} address.
   *
   * @param token what the desk signs in with; empty (the default) turns the page off
   * @param showAskers whether the page shows who asked (as the platform's user id)
   */
  public record Desk(Secret token, Boolean showAskers) {
    static final Desk DEFAULT = new Desk(null, null);

    /** Fewer characters than this is too easy to guess. */
    static final int MIN_TOKEN = 16;

    public Desk {
      token = token == null ? Secret.of("") : token;
      showAskers = showAskers == null || showAskers;
      if (!token.isEmpty() && token.reveal().strip().length() < MIN_TOKEN) {
        throw new IllegalArgumentException("token must be at least " + MIN_TOKEN
            + " characters; make one with: openssl rand -hex 24");
      }
    }

    /** Whether the page is on: a token is configured. */
    public boolean enabled() {
      return !token.isEmpty();
    }
  }

  /** Checks {@code host:port} addresses. */
  public static final class Addresses {
    private Addresses() {}

    /** Splits {@code host:port}; the port must be 0-65535. */
    public static java.net.InetSocketAddress parse(String listen) {
      int colon = listen.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("'" + listen + "' must be host:port, e.g. 127.0.0.1:9090");
      }
      try {
        int port = Integer.parseInt(listen.substring(colon + 1));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        return java.net.InetSocketAddress.createUnresolved(host, port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + listen + "' has no valid port (0-65535)");
      }
    }
  }

  static URI requireHttpUrl(URI uri, String what) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(what + " must be an http(s) URL, not " + uri);
    }
    return uri;
  }
}
