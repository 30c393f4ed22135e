package org.backgrounder.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date each item or entry of a feed document gives, as written, in document order. */
final class RawDates {

  private static final Pattern ITEM = Pattern.compile(
      "(?is)<(?:[\\w.-]+:)?(item|entry)(?:\\s[^>]*)?>(.*?)</(?:[\\w.-]+:)?\\1\\s*>");
  private static final Pattern DATE = Pattern.compile(
      "(?is)<((?:[\\w.-]+:)?(?:pubDate|published|updated|issued|modified|created|date))(?:\\s[^>]*)?>"
      + "\\s*(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?\\s*</\\1\\s*>");

  private RawDates() {}

  static List<Optional<String>> of(String document) {
    List<Optional<String>> out = new ArrayList<>();
    Matcher item = ITEM.matcher(document);
    while (item.find()) {
      Matcher d = DATE.matcher(item.group(2));
      out.add(d.find() ? Optional.of(d.group(2).strip()) : Optional.empty());
    }
    return out;
  }
}
