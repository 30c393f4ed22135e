package org.backgrounder.chat.matrix;

import java.util.List;
import java.util.regex.Pattern;

/** Matrix user ids against the allow-list's glob patterns ({@code @*:newsroom.example}). */
final class Globs {

  private final List<Pattern> patterns;

  Globs(List<String> globs) {
    this.patterns = globs.stream().map(Globs::compile).toList();
  }

  boolean matches(String userId) {
    return patterns.stream().anyMatch(p -> p.matcher(userId).matches());
  }

  static Pattern compile(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.strip().toCharArray()) {
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(b.toString());
  }
}
