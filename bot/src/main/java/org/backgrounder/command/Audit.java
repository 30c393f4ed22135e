package org.backgrounder.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.backgrounder.chat.FeedbackSink;
import org.backgrounder.chat.Reply;
import org.backgrounder.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What goes into the audit log: every question answered or declined (who asked, the facts and
 * links of the reply) and every thumbs-up or thumbs-down. A failing audit store is logged and
 * never costs anyone their answer.
 */
public final class Audit {

  private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

  private Audit() {}

  /** Records each reply that answers or declines a question. */
  public static Interceptor interceptor(AuditLog log, Clock clock) {
    return (request, next) -> {
      Reply reply = next.proceed(request);
      if (reply.kind() == Reply.Kind.ANSWER || reply.kind() == Reply.Kind.DECLINED) {
        String asked = request.command().equals("ask") ? request.args()
            : ("/" + request.command() + " " + request.args()).strip();
        add(log, new AuditLog.Entry(clock.instant(), "question",
            request.incoming().user().qualifiedId(), asked,
            reply.feedback().map(Reply.Feedback::facts).orElse(List.of()),
            reply.links().stream().map(l -> l.url().toString()).toList(),
            Optional.of(reply.kind() == Reply.Kind.ANSWER ? "answered" : "declined")));
      }
      return reply;
    };
  }

  /** Keeps each thumbs-up and thumbs-down with what it was about. */
  public static FeedbackSink feedback(AuditLog log) {
    return (user, about, helpful, at) -> add(log, new AuditLog.Entry(at, "feedback",
        user.qualifiedId(), about.question(), about.facts(), about.links(),
        Optional.of(helpful ? "helpful" : "not-helpful")));
  }

  private static void add(AuditLog log, AuditLog.Entry entry) {
    try {
      log.add(entry);
    } catch (RuntimeException e) {
      LOG.warn("could not write to the audit log: {}", e.getMessage());
    }
  }
}
