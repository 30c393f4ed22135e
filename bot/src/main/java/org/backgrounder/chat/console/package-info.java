/**
 * The terminal adapter behind {@code backgrounder chat}: reads lines (with history and line editing
 * when a terminal is attached), passes each to the dispatcher, and prints replies as readable text
 * with numbered links.
 */
package org.backgrounder.chat.console;
