/**
 * The Matrix adapter: a small Client-Server API client of our own (login, whoami, filter, /sync
 * long-polling, join, leave, send, typing) over the project's OkHttp and Jackson, the sync loop
 * that answers {@code !bg} commands, mentions and direct messages in threads, and the HTML
 * rendering of replies. The only package that knows Matrix JSON.
 */
package org.backgrounder.chat.matrix;
