package org.backgrounder.chat.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.backgrounder.chat.ChatException;
import org.backgrounder.chat.FeedbackSink;
import org.backgrounder.chat.Incoming;
import org.backgrounder.chat.Reply;
import org.backgrounder.chat.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers off Bolt's acknowledgement path: the handler runs on this class's own threads, the
 * reply is rendered and posted, and button presses (share, thumbs) are carried out here too.
 */
final class Answers {

  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  static final String THANKS = "Thanks, noted for the desk.";
  static final String SHARE_EXPIRED = "That reply is more than an hour old, so I no longer have"
      + " it to share. Run the command again and share the new one.";
  static final String FEEDBACK_EXPIRED = "That answer is too old to rate now, but thank you.";

  /** Blocks kept free for buttons and the "shared by" line. */
  private static final int RESERVED = 2;
  private static final int THREADS = 4;
  private static final int QUEUE = 1_000;

  private final Function<Incoming, Reply> handler;
  private final WebApi api;
  private final Memory memory;
  private final FeedbackSink sink;
  private final Clock clock;
  private final ExecutorService executor;
  private final Runnable answerFailed;

  /** @param answerFailed told each time an answer could not be posted (the chat-errors metric) */
  Answers(Function<Incoming, Reply> handler, WebApi api, Memory memory, FeedbackSink sink,
      Clock clock, Runnable answerFailed) {
    this.handler = handler;
    this.answerFailed = answerFailed;
    this.api = api;
    this.memory = memory;
    this.sink = sink;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "slack-answer-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Answers {@code incoming} at {@code to}, later, on an answering thread. */
  void submit(Incoming incoming, Destination to) {
    run("answer " + incoming.id(), () -> answer(incoming, to));
  }

  /** As {@link #submit(Incoming, Destination)}, if {@code first}, asked on the answering thread. */
  void submit(Incoming incoming, Destination to, java.util.function.BooleanSupplier first) {
    run("answer " + incoming.id(), () -> {
      if (first.getAsBoolean()) {
        answer(incoming, to);
      }
    });
  }

  void run(String what, Runnable task) {
    try {
      executor.execute(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("Slack: failed to {}", what, e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("Slack: dropped '{}': the adapter is closing or {} answers are waiting", what, QUEUE);
    }
  }

  private void answer(Incoming incoming, Destination to) {
    Reply reply;
    try {
      reply = handler.apply(incoming);
    } catch (RuntimeException e) {
      LOG.error("Slack: the handler failed on message {}", incoming.id(), e);
      reply = Reply.error(Reply.SORRY);
    }
    if (reply == null || reply.isEmpty()) {
      return;
    }
    try {
      if (to instanceof Destination.Channel c) {
        post(c.channel(), c.thread(), reply);
      } else if (to instanceof Destination.Privately p) {
        privately(p, reply);
      }
    } catch (ChatException e) {
      answerFailed.run();
      LOG.warn("Slack: could not answer message {}: {}", incoming.id(), e.getMessage());
    }
  }

  /** Posts for everyone in the channel, with thumbs when the reply invites them. */
  void post(String channel, Optional<String> thread, Reply reply) throws ChatException {
    Optional<String> feedbackId = reply.feedback().map(memory::keep);
    SlackMessage m = BlockKit.render(reply, RESERVED)
        .plus(optional(BlockKit.buttons(feedbackId, Optional.empty())));
    postMessage(channel, thread, m);
  }

  private void postMessage(String channel, Optional<String> thread, SlackMessage m)
      throws ChatException {
    try {
      check("chat.postMessage", channel, api.postMessage(channel, thread, m));
    } catch (IOException | SlackApiException e) {
      throw new ChatException("Slack: chat.postMessage in " + channel + " failed: "
          + e.getMessage(), e);
    }
  }

  private void privately(Destination.Privately p, Reply reply) throws ChatException {
    Optional<String> feedbackId = reply.feedback().map(memory::keep);
    SlackMessage body = BlockKit.render(reply, RESERVED);
    // A usage hint or a refusal is for the asker alone: there is nothing to share.
    Optional<String> shareId = reply.kind() == Reply.Kind.ERROR ? Optional.empty()
        : Optional.of(memory.keep(new Memory.Shareable(p.channel(), body, feedbackId,
            p.responseUrl())));
    SlackMessage m = body.plus(optional(BlockKit.buttons(feedbackId, shareId)));
    ephemeral(p.channel(), p.user(), p.responseUrl(), m);
  }

  /** The press of "Share in channel": the kept reply, posted for everyone. */
  void share(String shareId, String userId, String channel, Optional<String> responseUrl) {
    Optional<Memory.Shareable> kept = memory.shareable(shareId);
    if (kept.isEmpty()) {
      tell(channel, userId, responseUrl, SHARE_EXPIRED);
      return;
    }
    Memory.Shareable s = kept.get();
    List<LayoutBlock> more = new ArrayList<>(optional(BlockKit.buttons(s.feedbackId(),
        Optional.empty())));
    if (SlackText.isSlackId(userId)) {
      more.add(BlockKit.context("Shared by <@" + userId + ">"));
    }
    SlackMessage m = s.message().plus(more);
    try {
      postMessage(s.channel(), Optional.empty(), m);
    } catch (ChatException e) {
      Optional<String> url = responseUrl.or(s::responseUrl);
      if (url.isEmpty()) {
        LOG.warn("{}; there is no response_url to fall back on", e.getMessage());
        return;
      }
      LOG.info("{}; sharing through the response_url instead", e.getMessage());
      respond(url.get(), "in_channel", m);
    }
  }

  /** The press of a thumb: recorded for the desk, thanked privately. */
  void feedback(String feedbackId, boolean helpful, User presser, String channel,
      Optional<String> responseUrl) {
    Optional<Reply.Feedback> about = memory.feedback(feedbackId);
    if (about.isEmpty()) {
      tell(channel, presser.id(), responseUrl, FEEDBACK_EXPIRED);
      return;
    }
    sink.record(presser, about.get(), helpful, clock.instant());
    tell(channel, presser.id(), responseUrl, THANKS);
  }

  private void tell(String channel, String userId, Optional<String> responseUrl, String text) {
    SlackMessage m = BlockKit.render(Reply.info(text), 0);
    try {
      ephemeral(channel, userId, responseUrl, m);
    } catch (ChatException e) {
      LOG.warn("Slack: could not tell {} '{}': {}", userId, text, e.getMessage());
    }
  }

  /** chat.postEphemeral, or the response_url when the bot may not post in the channel. */
  private void ephemeral(String channel, String user, Optional<String> responseUrl,
      SlackMessage m) throws ChatException {
    String failure;
    try {
      SlackApiTextResponse r = api.postEphemeral(channel, user, m);
      if (r.isOk()) {
        return;
      }
      failure = WebApi.error(r);
    } catch (IOException | SlackApiException e) {
      failure = e.getMessage();
    }
    if (responseUrl.isEmpty()) {
      throw new ChatException("Slack refused chat.postEphemeral in " + channel + ": " + failure);
    }
    LOG.debug("Slack: chat.postEphemeral in {} failed ({}); using the response_url", channel,
        failure);
    respond(responseUrl.get(), "ephemeral", m);
  }

  private void respond(String url, String type, SlackMessage m) {
    try {
      WebhookResponse r = api.respond(url, type, m);
      if (r.getCode() == null || r.getCode() != 200) {
        LOG.warn("Slack: the response_url answered {} {}", r.getCode(), r.getBody());
      }
    } catch (IOException e) {
      LOG.warn("Slack: posting to the response_url failed: {}", e.getMessage());
    }
  }

  private static void check(String method, String channel, SlackApiTextResponse r)
      throws ChatException {
    if (!r.isOk()) {
      throw new ChatException("Slack refused " + method + " in " + channel + ": "
          + WebApi.error(r));
    }
  }

  private static List<LayoutBlock> optional(Optional<LayoutBlock> block) {
    return block.map(List::of).orElse(List.of());
  }

  /** Stops taking work and waits up to {@code grace} for answers in flight. */
  void close(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Slack: {} answers were still running at shutdown", executor.shutdownNow().size());
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
