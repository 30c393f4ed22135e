/**
 * The Slack adapter, and the only package that imports {@code com.slack.*}. It owns the
 * connection (Socket Mode, or HTTP with our own request-signature check), turns mentions, direct
 * messages, thread follow-ups and the {@code /bg} slash command into neutral
 * {@link org.backgrounder.chat.Incoming}s, renders {@link org.backgrounder.chat.Reply}s as Block Kit
 * with every piece of content escaped, and posts them back through the Web API (retrying after
 * HTTP 429). Share and feedback buttons live here too; what a thumbs-up means is the
 * {@link org.backgrounder.chat.FeedbackSink}'s business.
 *
 * <p>Entry point: {@link org.backgrounder.chat.slack.SlackPlatform#create}. Everything else is
 * package-private.
 */
package org.backgrounder.chat.slack;
