/**
 * The command line (picocli) and the composition root: each command reads the settings, wires the
 * parts it needs and runs them. No logic lives here beyond turning results into output and exit
 * codes (the README lists the commands; docs/architecture.md how the parts fit).
 */
package org.backgrounder.cli;
