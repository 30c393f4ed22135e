package org.backgrounder;

import org.backgrounder.cli.Cli;

/** The {@code backgrounder} executable: everything happens in {@link Cli}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
