/**
 * The command set every chat shares ({@code ask}, {@code sources}, {@code timeline}, {@code fact},
 * {@code outlets}, {@code latest}, {@code help}, and the admin commands), registered with name,
 * usage and help; the ordered chain of {@link org.backgrounder.command.Interceptor}s that every
 * message passes (errors, ignoring bots, limits, admin checks, audit); and the translation of an
 * {@link org.backgrounder.answer.Answer} into a neutral {@link org.backgrounder.chat.Reply}.
 */
package org.backgrounder.command;
