/**
 * The search index (Lucene, on disk in the data folder) over facts, their entities and sources,
 * and feed items. English and Spanish both match: every word is indexed folded (no case, no
 * accents) together with its English and Spanish stems, so "cárteles", "Cartels" and "cartel"
 * meet. Callers describe what a result must contain as {@link org.backgrounder.index.Need}s and
 * never see Lucene.
 */
package org.backgrounder.index;
