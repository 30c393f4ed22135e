package org.backgrounder.command;

import org.backgrounder.chat.Reply;

/**
 * Behaviour every message passes through (errors, ignoring bots, limits, admin checks, audit),
 * as one ordered chain: an interceptor either answers itself or lets the chain go on.
 */
@FunctionalInterface
public interface Interceptor {

  Reply intercept(Request request, Chain next);

  /** The rest of the chain, ending in the command. */
  @FunctionalInterface
  interface Chain {
    Reply proceed(Request request);
  }
}
