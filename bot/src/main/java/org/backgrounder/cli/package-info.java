/**
 * The command line (picocli) and the composition root: each command reads the settings, wires the
 * parts it needs and runs them. No logic lives here beyond turning results into output and exit
 * codes (docs: spec/cli.md).
 */
package org.backgrounder.cli;
