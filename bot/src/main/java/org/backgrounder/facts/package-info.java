/**
 * The fact file: what the research desk curates and the bot trusts. Owns the model (a
 * {@link org.backgrounder.facts.FactFile} per story), the loader that validates every rule of the
 * format and reports each problem as {@code file:line:column: message}, and the
 * {@link org.backgrounder.facts.FactBase} that holds every loaded story under its own namespace.
 */
package org.backgrounder.facts;
