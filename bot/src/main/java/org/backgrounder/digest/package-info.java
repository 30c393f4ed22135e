/**
 * Daily digests: when each is due ({@link org.backgrounder.digest.Schedule}, correct across
 * daylight-saving changes), what it says ({@link org.backgrounder.digest.DigestComposer}, a pure
 * function of the items, fact changes and feed trouble it is given), and posting each slot at most
 * once, never silently missing one ({@link org.backgrounder.digest.DigestScheduler} with its
 * {@link org.backgrounder.digest.DigestLedger}).
 */
package org.backgrounder.digest;
