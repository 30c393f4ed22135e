/**
 * Recent coverage: fetching feeds politely and robustly, parsing RSS, Atom and JSON Feed into
 * {@link org.backgrounder.feeds.FeedItem}s, recognising the same item across polls, and matching
 * items to the stories they mention.
 */
package org.backgrounder.feeds;
