/**
 * Question in, {@link org.backgrounder.answer.Answer} out: understands what a researcher asks
 * (who, when, what happened on a date, what we know about someone, which outlets reported
 * something, what is the latest), finds the facts and feed items that cover every salient word and
 * name of the question, and composes a short answer in which every sentence carries its citation.
 * When nothing covers the question it says so, and may suggest the closest facts, never as the
 * answer. Knows nothing of chat platforms.
 */
package org.backgrounder.answer;
