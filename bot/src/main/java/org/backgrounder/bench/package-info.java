/**
 * {@code backgrounder bench}: synthesizes a corpus of facts and feed items, indexes it in a
 * temporary data folder, and measures what the targets are about (index build rate, answer
 * latency, heap, index size, ingest rate, a poll cycle of 304s). Numbers come from here, never
 * from timed unit tests.
 */
package org.backgrounder.bench;
