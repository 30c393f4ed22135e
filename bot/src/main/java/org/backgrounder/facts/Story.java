package org.backgrounder.facts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one fact file is about.
 *
 * @param keywords words that make a feed item relevant to the story
 * @param reviewed when editors last checked the whole file, if they said
 * @param terms groups of words that mean the same in this story ("blacklist" and "tag" for
 *     "designate"); questions using one find facts using another
 */
public record Story(String id, String title, Optional<String> summary, List<String> keywords,
    Optional<FactDate> reviewed, List<List<String>> terms) {

  public Story(String id, String title, Optional<String> summary, List<String> keywords,
      Optional<FactDate> reviewed) {
    this(id, title, summary, keywords, reviewed, List.of());
  }

  public Story {
    Ids.requireSlug(id, "story id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(reviewed, "reviewed");
    terms = terms.stream().map(List::copyOf).toList();
  }
}
