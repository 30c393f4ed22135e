package org.backgrounder.answer;

import java.net.URI;

/** Which links exist in what the bot was given: a loaded fact file or an indexed feed item. */
@FunctionalInterface
public interface KnownLinks {

  boolean holds(URI url);
}
