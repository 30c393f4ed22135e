package org.backgrounder.answer;

import java.util.List;
import java.util.Optional;
import org.backgrounder.facts.FactBase;
import org.backgrounder.yaml.Spelling;

/** Fact ids as people type them: a trailing full stop or quotes dropped, a typo answered. */
final class FactNames {

  private FactNames() {}

  /** The id without what sentences and chats add around it ("eo-signed.", "`eo-signed`"). */
  static String typed(String name) {
    return name == null ? "" : name.strip().replaceAll("^[`'\"\u201c]+|[`'\"\u201d.,;:!?]+$", "");
  }

  /** "I have no fact called x; did you mean y?", with where to find the ids. */
  static String unknown(FactBase base, String name) {
    List<String> names = base.allFacts().stream().map(f -> base.name(f.story(), f.fact())).toList();
    Optional<String> close = Spelling.closest(name, names);
    String example = names.isEmpty() ? "story/fact-id" : names.get(0);
    return "I have no fact called \"" + name + "\"." + close.map(n -> " Did you mean " + n + "?")
        .orElse(" Fact ids look like " + example + ".")
        + " /story shows the story in brief; a question's answer points to facts by their id"
        + " (/fact ID).";
  }
}
