package org.backgrounder.chat.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message ready for the Web API: Block Kit blocks and the plain fallback {@code text} that
 * notifications and screen readers show. Both are already escaped.
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {

  SlackMessage {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a Slack message needs a fallback text");
    }
    blocks = List.copyOf(blocks);
    if (blocks.size() > BlockKit.MAX_BLOCKS) {
      throw new IllegalArgumentException("Slack takes at most " + BlockKit.MAX_BLOCKS
          + " blocks, not " + blocks.size());
    }
  }

  /** This message with {@code more} blocks after its own. */
  SlackMessage plus(List<LayoutBlock> more) {
    List<LayoutBlock> all = new ArrayList<>(blocks);
    all.addAll(more);
    return new SlackMessage(text, all);
  }
}
