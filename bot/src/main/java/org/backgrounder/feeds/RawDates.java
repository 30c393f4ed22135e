package org.backgrounder.feeds;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The date each item or entry of a feed document gives, as written, in document order. One
 * streaming pass: patterns with a lazy {@code .*?} rescanned the rest of the document from every
 * unclosed {@code <item>} (40,000 of them in a CDATA section took a minute).
 */
final class RawDates {

  private static final Set<String> ITEMS = Set.of("item", "entry");
  private static final Set<String> DATES = Set.of("pubdate", "published", "updated", "issued",
      "modified", "created", "date");

  private RawDates() {}

  /** One entry per item or entry (empty when it gives no date); fewer when the XML breaks. */
  static List<Optional<String>> of(String document) {
    List<Optional<String>> out = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = DocumentLimits.streaming().createXMLStreamReader(new StringReader(document));
      int depth = 0;
      int itemDepth = 0;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth-- == itemDepth) {
            itemDepth = 0;
          }
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName().toLowerCase(Locale.ROOT);
          if (itemDepth == 0 && ITEMS.contains(name)) {
            itemDepth = depth;
            out.add(Optional.empty());
          } else if (itemDepth > 0 && DATES.contains(name) && out.get(out.size() - 1).isEmpty()) {
            out.set(out.size() - 1, text(r));
            depth--; // the text read ended the element
          }
        }
      }
    } catch (XMLStreamException e) {
      // Broken after Rome read it (the healer fixed it): what was read is kept; a short list
      // is not used.
    } finally {
      close(r);
    }
    return out;
  }

  private static Optional<String> text(XMLStreamReader r) throws XMLStreamException {
    String t = r.getElementText().strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  private static void close(XMLStreamReader r) {
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // A string's reader holds nothing.
      }
    }
  }
}
