/**
 * The platform-neutral side of chat: who said what where ({@link org.backgrounder.chat.Incoming},
 * {@link org.backgrounder.chat.User}, {@link org.backgrounder.chat.Room}), what the bot says back
 * ({@link org.backgrounder.chat.Reply}), and the one-method {@link org.backgrounder.chat.ChatAdapter}
 * each platform implements. Platform packages beneath this one ({@code slack}, {@code matrix},
 * {@code console}) translate a Reply into their markup and nothing more.
 */
package org.backgrounder.chat;
