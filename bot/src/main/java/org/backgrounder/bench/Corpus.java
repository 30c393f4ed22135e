package org.backgrounder.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.backgrounder.facts.Entity;
import org.backgrounder.facts.Fact;
import org.backgrounder.facts.FactBase;
import org.backgrounder.facts.FactDate;
import org.backgrounder.facts.FactFile;
import org.backgrounder.facts.Source;
import org.backgrounder.facts.Story;
import org.backgrounder.feeds.FeedItem;

/**
 * A synthetic newsroom: pseudo-words with a Zipf-like frequency (a few very common, most rare, as
 * in real text), entities with aliases, facts that name them, and feed items. Deterministic for a
 * seed, and items are generated lazily so a million of them never sit in memory at once.
 */
final class Corpus {

  private static final String[] SYLLABLES = {"ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo",
      "mu", "na", "pe", "qui", "ra", "so", "tu", "ve", "xa", "yo", "za", "bra", "cle", "dro",
      "fra", "gle", "pri", "tro", "ster", "mon", "vel", "cor", "lan", "tis", "mer", "dan", "rol"};

  final List<String> words;
  final List<Entity> entities;
  final FactBase facts;
  final long seed;

  private Corpus(List<String> words, List<Entity> entities, FactBase facts, long seed) {
    this.words = words;
    this.entities = entities;
    this.facts = facts;
    this.seed = seed;
  }

  static Corpus build(int factCount, long seed) {
    Random r = new Random(seed);
    List<String> words = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (words.size() < 20_000) {
      StringBuilder w = new StringBuilder();
      int n = 2 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
      }
      if (seen.add(w.toString())) {
        words.add(w.toString());
      }
    }
    int entityCount = Math.max(10, factCount / 4);
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < entityCount; i++) {
      String name = cap(words.get(5000 + r.nextInt(15000))) + " " + cap(words.get(5000 + r.nextInt(15000)));
      entities.add(new Entity("e" + i, name, Entity.Kind.ORGANIZATION,
          List.of(cap(words.get(5000 + r.nextInt(15000))) + " Group", "E" + i + "X"), Optional.empty()));
    }
    List<Source> sources = new ArrayList<>();
    int sourceCount = Math.max(5, factCount / 2);
    for (int i = 0; i < sourceCount; i++) {
      sources.add(new Source("s" + i, sentence(r, words, 6), "Outlet " + (i % 40),
          URI.create("https://bench.example.org/source/" + i),
          Optional.of(new FactDate(2020 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28))),
          Source.Kind.NEWS, Optional.of("en"), Optional.empty(), Optional.empty(), Optional.empty()));
    }
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < factCount; i++) {
      Entity who = entities.get(r.nextInt(entities.size()));
      Entity about = entities.get(r.nextInt(entities.size()));
      String text = "On " + new FactDate(2020 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28))
          .spoken() + ", " + who.name() + " " + sentence(r, words, 14) + " " + about.name() + ".";
      facts.add(new Fact("f" + i, text,
          Optional.of(new FactDate(2020 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28))),
          List.of(who.id()), who.id().equals(about.id()) ? List.of() : List.of(about.id()),
          List.of("s" + r.nextInt(sourceCount)), Fact.Status.CONFIRMED,
          List.of(words.get(r.nextInt(2000))), Optional.empty()));
    }
    List<String> used = facts.stream().flatMap(f -> f.sources().stream()).distinct().toList();
    List<Source> cited = sources.stream().filter(s -> used.contains(s.id())).toList();
    FactFile file = new FactFile("bench.yaml", new Story("bench", "The benchmark story",
        Optional.empty(), List.of(words.get(3), words.get(7)), Optional.empty()), entities, cited, facts);
    return new Corpus(words, entities, FactBase.of(List.of(file)), seed);
  }

  /** {@code count} feed items, made on demand. */
  Iterable<FeedItem> items(int count) {
    return () -> new Iterator<>() {
      final Random r = new Random(seed + 1);
      int made;

      @Override
      public boolean hasNext() {
        return made < count;
      }

      @Override
      public FeedItem next() {
        int i = made++;
        return item(r, i);
      }
    };
  }

  FeedItem item(Random r, int i) {
    String title = sentence(r, words, 8);
    if (r.nextInt(3) == 0) {
      title = entities.get(r.nextInt(entities.size())).name() + " " + title;
    }
    Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(r.nextInt(2 * 365 * 86400));
    return new FeedItem("link:https://bench.example.org/item/" + i, "feed" + (i % 500),
        "Outlet " + (i % 500), title, sentence(r, words, 30),
        Optional.of(URI.create("https://bench.example.org/item/" + i)), published, false,
        Optional.of("en"), published);
  }

  /** A word, common words far more likely than rare ones. */
  static String word(Random r, List<String> words) {
    double u = r.nextDouble();
    int i = (int) Math.min(words.size() - 1, Math.floor(Math.pow(words.size(), u)) - 1);
    return words.get(Math.max(0, i));
  }

  static String sentence(Random r, List<String> words, int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        b.append(' ');
      }
      b.append(word(r, words));
    }
    return b.toString();
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Varied questions: who, when, about, latest, outlets, and some about nothing on file. */
  List<String> questions(int n) {
    Random r = new Random(seed + 2);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Entity e = entities.get(r.nextInt(entities.size()));
      String w1 = word(r, words);
      String w2 = words.get(r.nextInt(words.size()));
      out.add(switch (r.nextInt(10)) {
        case 0, 1 -> "Who " + w1 + " " + e.name() + "?";
        case 2 -> "When did " + e.name() + " " + w1 + "?";
        case 3 -> "What do we know about " + e.aliases().get(0) + "?";
        case 4 -> "What's the latest on " + e.name() + "?";
        case 5 -> "Which outlets reported " + w1 + " " + w2 + "?";
        case 6 -> "What happened in " + (2020 + r.nextInt(6)) + " with " + e.name() + "?";
        case 7 -> "Did " + e.name() + " " + w2 + " the " + words.get(r.nextInt(words.size())) + "?";
        default -> "¿Qué sabemos de " + w1 + " y " + w2 + "?";
      });
    }
    return out;
  }
}
