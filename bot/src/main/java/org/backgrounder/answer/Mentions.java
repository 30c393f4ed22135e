package org.backgrounder.answer;

import java.util.List;
import java.util.Set;
import org.backgrounder.feeds.FeedItem;
import org.backgrounder.index.Need;
import org.backgrounder.text.Folding;

/**
 * Whether a feed item's own title and summary say what a topic names: each entity by one of its
 * names, each word in one of its own forms (not its synonyms). A check after the search, so that
 * a topic given to a command filters for certain ("/latest fentanyl" shows only items that say
 * fentanyl).
 */
final class Mentions {

  private Mentions() {}

  static boolean all(FeedItem item, Question q) {
    String text = " " + String.join(" ", Folding.foldedWords(item.title() + " " + item.summary()))
        + " ";
    for (Need need : q.itemNeeds()) {
      if (!mentions(text, need)) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentions(String text, Need need) {
    if (need instanceof Need.Entity e) {
      for (List<String> name : e.names()) {
        if (!name.isEmpty() && text.contains(" " + String.join(" ", name) + " ")) {
          return true;
        }
      }
      return false;
    }
    Need.Word w = (Need.Word) need;
    return startsAWord(text, w.variants());
  }

  /** Some word of the text begins with one of the forms (forms may be stems: "designat"). */
  private static boolean startsAWord(String text, Set<String> forms) {
    for (String f : forms) {
      if (!f.isBlank() && text.contains(" " + f)) {
        return true;
      }
    }
    return false;
  }
}
