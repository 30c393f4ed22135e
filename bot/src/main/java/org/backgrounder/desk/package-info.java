/**
 * The research desk's web page at {@code /desk/}: what reporters asked that the facts could not
 * answer, the answers they marked wrong, facts that coverage may have overtaken, feeds gone quiet,
 * and a story's timeline. It reads the stores and the fact base and writes one thing (a gap
 * marked handled); nothing else depends on it. Pages are jte templates (src/main/jte), compiled
 * into this package at build time, which escape everything they print; links go only to URLs a
 * fact file or a feed item holds. Sign-in takes the {@code desk.token} setting.
 */
package org.backgrounder.desk;
