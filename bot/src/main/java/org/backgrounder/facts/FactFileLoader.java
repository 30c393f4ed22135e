package org.backgrounder.facts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.backgrounder.yaml.Fields;
import org.backgrounder.yaml.Fields.Located;
import org.backgrounder.yaml.Position;
import org.backgrounder.yaml.Problem;
import org.backgrounder.yaml.Spelling;
import org.backgrounder.yaml.Tabs;
import org.backgrounder.yaml.YamlException;
import org.backgrounder.yaml.YamlNode;
import org.backgrounder.yaml.YamlReader;

/**
 * Loads fact files and checks every rule of the format (docs: fact-file.md), collecting every
 * problem rather than stopping at the first, each with the line and column an editor needs.
 */
public final class FactFileLoader {

  static final List<String> TOP_KEYS = List.of("version", "story", "entities", "sources", "facts");
  static final List<String> STORY_KEYS = List.of("id", "title", "summary", "keywords", "reviewed",
      "terms");
  static final List<String> ENTITY_KEYS = List.of("id", "name", "kind", "aliases", "description");
  static final List<String> SOURCE_KEYS = List.of("id", "title", "outlet", "url", "published",
      "kind", "language", "author", "archived", "quote", "credits");
  static final List<String> FACT_KEYS = List.of("id", "text", "date", "who", "about", "sources",
      "status", "tags", "note", "text_es");

  private final YamlReader reader;

  private FactFileLoader(YamlReader reader) {
    this.reader = reader;
  }

  public static FactFileLoader standard() {
    return new FactFileLoader(YamlReader.standard());
  }

  /** What loading produced: the valid files, and every error and warning found. */
  public record Result(List<FactFile> files, List<Problem> problems) {

    public Result {
      files = List.copyOf(files);
      problems = problems.stream().sorted(Problem.READING_ORDER).toList();
    }

    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
      return problems.size() - errorCount();
    }

    /** The fact base of the valid files; only call when there are no errors. */
    public FactBase factBase() {
      if (hasErrors()) {
        throw new IllegalStateException("fact files have errors: " + problems.get(0));
      }
      return FactBase.of(files);
    }
  }

  /**
   * Loads a file, or every {@code *.yaml} file of a folder, and checks that no two share a story id.
   *
   * @param names how problems name each path (the path as the user typed it, usually)
   */
  public Result load(Path fileOrFolder, Function<Path, String> names) {
    List<Path> paths = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        s.filter(Files::isRegularFile).sorted().forEach(p -> {
          String n = p.getFileName().toString();
          if (n.endsWith(".yaml")) {
            paths.add(p);
          } else if (n.endsWith(".yml")) {
            problems.add(new Problem(names.apply(p), 0, 0, Problem.Severity.WARNING,
                "ignored: fact files must end in .yaml"));
          }
        });
      } catch (IOException e) {
        problems.add(new Problem(names.apply(fileOrFolder), 0, 0, Problem.Severity.ERROR,
            "cannot list the folder: " + e.getMessage()));
      }
      if (paths.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
        problems.add(new Problem(names.apply(fileOrFolder), 0, 0, Problem.Severity.ERROR,
            "no fact files (*.yaml) in this folder"));
      }
    } else if (Files.exists(fileOrFolder)) {
      paths.add(fileOrFolder);
    } else {
      problems.add(new Problem(names.apply(fileOrFolder), 0, 0, Problem.Severity.ERROR,
          "no such file or folder"));
    }
    List<FactFile> files = new ArrayList<>();
    Map<String, String> storyFiles = new HashMap<>();
    for (Path p : paths) {
      String name = names.apply(p);
      Result one = loadFile(p, name);
      problems.addAll(one.problems());
      for (FactFile f : one.files()) {
        String other = storyFiles.putIfAbsent(f.story().id(), name);
        if (other != null) {
          problems.add(new Problem(name, 0, 0, Problem.Severity.ERROR, "story id '" + f.story().id()
              + "' is already used by " + other + "; each story needs its own id"));
        } else {
          files.add(f);
        }
      }
    }
    return new Result(files, problems);
  }

  /** Loads and checks one file. */
  public Result loadFile(Path path, String name) {
    try {
      return parse(YamlReader.readText(path, name, YamlReader.DEFAULT_MAX_BYTES), name);
    } catch (YamlException e) {
      return new Result(List.of(), e.problems());
    }
  }

  /** Checks the text of one file (as if read from {@code name}). */
  public Result parse(String text, String name) {
    try {
      return check(reader.parse(text, name), name);
    } catch (YamlException e) {
      if (Tabs.stoppedAtATab(e.problems())) {
        return beyondTabs(text, name, e.problems());
      }
      return new Result(List.of(), e.problems());
    }
  }

  /**
   * The tabs, and the problems the rest of the file has once they are replaced: a tab would
   * otherwise hide everything after it. The file is not served either way.
   */
  private Result beyondTabs(String text, String name, List<Problem> atFirstTab) {
    List<Problem> problems = new ArrayList<>(Tabs.problems(text, name));
    if (problems.isEmpty()) {
      problems.addAll(atFirstTab); // a tab outside the indentation
    }
    for (Problem p : parse(Tabs.replaced(text), name).problems()) {
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }
    return new Result(List.of(), problems);
  }

  private Result check(YamlNode root, String name) {
    List<Problem> problems = new ArrayList<>();
    Optional<Fields> top = Fields.of(name, root, "the fact file", TOP_KEYS, problems);
    if (top.isEmpty()) {
      return new Result(List.of(), problems);
    }
    Checker c = new Checker(name, top.get(), problems);
    Optional<FactFile> file = c.run();
    return new Result(file.map(List::of).orElse(List.of()), problems);
  }

  /** Walks one file's tree, reporting as it goes; builds the model only when nothing is wrong. */
  private static final class Checker {
    private final String file;
    private final Fields top;
    private final List<Problem> problems;
    private final Map<String, Position> entityIds = new HashMap<>();
    private final Map<String, Position> sourceIds = new HashMap<>();
    private final Map<String, Position> factIds = new HashMap<>();
    private final Set<String> citedSources = new HashSet<>();
    private final Set<String> namedEntities = new HashSet<>();
    private final Set<String> badIds = new HashSet<>();

    Checker(String file, Fields top, List<Problem> problems) {
      this.file = file;
      this.top = top;
      this.problems = problems;
    }

    Optional<FactFile> run() {
      checkVersion();
      Optional<Story> story = top.node("story", true)
          .flatMap(n -> Fields.of(file, n, "the story", STORY_KEYS, problems))
          .flatMap(this::story);
      List<Entity> entities = new ArrayList<>();
      for (YamlNode n : top.list("entities", false)) {
        Fields.of(file, n, named(n, "an", "entity"), ENTITY_KEYS, problems).flatMap(this::entity)
            .ifPresent(entities::add);
      }
      List<Source> sources = new ArrayList<>();
      List<YamlNode> sourceNodes = top.list("sources", true);
      if (isEmptyList(top, "sources")) {
        top.error(top.at("sources"), "the fact file needs at least one source");
      }
      for (YamlNode n : sourceNodes) {
        Fields.of(file, n, named(n, "a", "source"), SOURCE_KEYS, problems).flatMap(this::source)
            .ifPresent(sources::add);
      }
      List<Fact> facts = new ArrayList<>();
      List<YamlNode> factNodes = top.list("facts", true);
      if (isEmptyList(top, "facts")) {
        top.error(top.at("facts"), "the fact file needs at least one fact");
      }
      for (YamlNode n : factNodes) {
        Fields.of(file, n, named(n, "a", "fact"), FACT_KEYS, problems).flatMap(this::fact)
            .ifPresent(facts::add);
      }
      warnUnused();
      if (problems.stream().anyMatch(Problem::isError) || story.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new FactFile(file, story.get(), entities, sources, facts));
      } catch (IllegalArgumentException e) {
        // Every rule the constructor enforces is reported above with a position; reaching this
        // means the two disagree, which is a bug, but the editor still deserves a message.
        problems.add(new Problem(file, 0, 0, Problem.Severity.ERROR, e.getMessage()));
        return Optional.empty();
      }
    }

    private void checkVersion() {
      Optional<YamlNode> v = top.node("version", true);
      if (v.isEmpty()) {
        return;
      }
      if (v.get() instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.INTEGER) {
        if (!s.text().equals("1")) {
          top.error(s.position(), "unsupported version " + s.text() + "; this bot reads version 1");
        }
      } else {
        top.error(v.get().position(), "'version' must be the integer 1 (written without quotes);"
            + " found " + v.get().describe());
      }
    }

    private Optional<Story> story(Fields f) {
      Optional<String> id = slug(f, "id", "story", null);
      Optional<String> title = f.text("title", true);
      Optional<String> summary = f.text("summary", false);
      List<String> keywords = values(f.textList("keywords", false, "[cartel, FTO]"));
      Optional<FactDate> reviewed = date(f, "reviewed");
      List<List<String>> terms = terms(f);
      if (id.isEmpty() || title.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Story(id.get(), title.get(), summary, keywords, reviewed, terms));
    }

    /** {@code terms}: a list of groups, each a list of two or more words or phrases. */
    private List<List<String>> terms(Fields f) {
      List<List<String>> out = new ArrayList<>();
      for (YamlNode group : f.list("terms", false)) {
        if (!(group instanceof YamlNode.Sequence seq)) {
          f.error(group.position(), "each entry of 'terms' must be a list of words that mean the"
              + " same, e.g. - [designate, blacklist, tag]; found " + group.describe());
          continue;
        }
        List<String> words = new ArrayList<>();
        for (YamlNode w : seq.items()) {
          if (w instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
            if (words.contains(s.text().strip())) {
              f.warning(w.position(), "'" + s.text().strip() + "' is listed twice in this group of"
                  + " terms");
            } else {
              words.add(s.text().strip());
            }
          } else {
            f.error(w.position(), "each word of a 'terms' group must be a single word or phrase;"
                + " found " + w.describe());
          }
        }
        if (words.size() == 1) {
          f.error(seq.position(), "a group of 'terms' needs two or more words that mean the same;"
              + " found only '" + words.get(0) + "'");
        } else if (words.size() > 1) {
          out.add(words);
        }
      }
      return out;
    }

    private Optional<Entity> entity(Fields f) {
      Optional<String> id = slug(f, "id", "entity", entityIds);
      Optional<String> name = f.text("name", true);
      Optional<Entity.Kind> kind = f.text("kind", true).flatMap(k -> {
        Optional<Entity.Kind> parsed = Entity.Kind.parse(k);
        if (parsed.isEmpty()) {
          f.error(f.at("kind"), "unknown kind '" + k + "' for an entity; use one of " + labels(
              Entity.Kind.values(), Entity.Kind::label));
        }
        return parsed;
      });
      List<String> aliases = values(f.textList("aliases", false, "[State Department, Departamento de Estado]"));
      Optional<String> description = f.text("description", false);
      if (id.isEmpty() || name.isEmpty() || kind.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Entity(id.get(), name.get(), kind.get(), aliases, description));
    }

    private Optional<Source> source(Fields f) {
      Optional<String> id = slug(f, "id", "source", sourceIds);
      Optional<String> title = f.text("title", true);
      Optional<String> outlet = f.text("outlet", true);
      Optional<URI> url = link(f, "url", true);
      Optional<FactDate> published = date(f, "published");
      Optional<Source.Kind> kind = f.text("kind", true).flatMap(k -> {
        Optional<Source.Kind> parsed = Source.Kind.parse(k);
        if (parsed.isEmpty()) {
          f.error(f.at("kind"), "unknown kind '" + k + "' for a source; use one of " + labels(
              Source.Kind.values(), Source.Kind::label));
        }
        return parsed;
      });
      Optional<String> language = f.text("language", false);
      language.ifPresent(l -> {
        if (!l.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
          f.warning(f.at("language"), "language '" + l + "' is not a language tag such as en, es"
              + " or es-MX");
        }
      });
      Optional<String> author = f.text("author", false);
      Optional<URI> archived = link(f, "archived", false);
      Optional<String> quote = f.text("quote", false);
      List<String> credits = values(f.textList("credits", false, "[Intelligence Online]"));
      if (id.isEmpty() || title.isEmpty() || outlet.isEmpty() || url.isEmpty() || kind.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Source(id.get(), title.get(), outlet.get(), url.get(), published,
          kind.get(), language, author, archived, quote, credits));
    }

    private Optional<Fact> fact(Fields f) {
      Optional<String> id = slug(f, "id", "fact", factIds);
      Optional<String> text = f.text("text", true);
      Optional<FactDate> date = date(f, "date");
      List<String> who = references(f, "who", entityIds, "entity", namedEntities);
      List<String> about = references(f, "about", entityIds, "entity", namedEntities);
      List<String> sources = references(f, "sources", sourceIds, "source", citedSources);
      if (isEmptyList(f, "sources")) {
        f.error(f.at("sources"), "fact" + id.map(i -> " '" + i + "'").orElse("")
            + " has no source; every fact must cite at least one source id");
      }
      Optional<Fact.Status> status = f.text("status", false).flatMap(s -> {
        Optional<Fact.Status> parsed = Fact.Status.parse(s);
        if (parsed.isEmpty()) {
          f.error(f.at("status"), "unknown status '" + s + "'; use one of " + labels(
              Fact.Status.values(), Fact.Status::label));
        }
        return parsed;
      });
      List<String> tags = values(f.textList("tags", false, "[designation]"));
      Optional<String> note = f.text("note", false);
      Optional<String> textEs = f.text("text_es", false);
      // An unknown status is an error above, which keeps the whole file from being served; a blank
      // one means the default.
      if (id.isEmpty() || text.isEmpty() || sources.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Fact(id.get(), text.get(), date, who, about, sources,
          status.orElse(Fact.Status.CONFIRMED), tags, note, textEs));
    }

    /** Reads an id, checks the slug rule and (when {@code seen} is given) uniqueness. */
    private Optional<String> slug(Fields f, String key, String what, Map<String, Position> seen) {
      Optional<String> id = f.text(key, true);
      if (id.isEmpty()) {
        return Optional.empty();
      }
      Position at = f.at(key);
      Position first = seen == null ? null : seen.putIfAbsent(id.get(), at);
      if (!Ids.isSlug(id.get())) {
        // Still remembered above, so facts that cite it do not get a second, misleading error.
        badIds.add(id.get());
        f.error(at, what + " id '" + id.get() + "' is not a slug: use lower-case letters, digits"
            + " and '-', starting with a letter or digit (e.g. " + suggestSlug(id.get()) + ")");
        return Optional.empty();
      }
      if (first != null) {
        f.error(at, "duplicate " + what + " id '" + id.get() + "' (first used at line "
            + first.line() + ")");
        return Optional.empty();
      }
      return id;
    }

    private List<String> references(Fields f, String key, Map<String, Position> known, String what,
        Set<String> used) {
      boolean required = key.equals("sources");
      List<Located<String>> ids = f.textList(key, required, "[" + (what.equals("source")
          ? "fr-2025-02-20" : "state-dept") + "]");
      List<String> out = new ArrayList<>();
      for (Located<String> id : ids) {
        used.add(id.value());
        if (!known.containsKey(id.value())) {
          String hint = known.isEmpty() ? "; the file defines no " + what + " ids"
              : Spelling.closest(id.value(), known.keySet()).map(k -> "; did you mean '" + k + "'?")
                  .orElse("");
          f.error(id.position(), "'" + key + "' names " + what + " '" + id.value()
              + "', which is not defined in this file" + hint);
        } else if (!out.contains(id.value())) {
          out.add(id.value());
        }
      }
      return out;
    }

    private Optional<FactDate> date(Fields f, String key) {
      return f.text(key, false).flatMap(text -> {
        Optional<FactDate> d = FactDate.parse(text);
        if (d.isEmpty()) {
          f.error(f.at(key), Suggestions.badDate(key, text));
        }
        return d;
      });
    }

    private Optional<URI> link(Fields f, String key, boolean required) {
      return f.text(key, required).flatMap(text -> {
        Optional<URI> uri = Links.parseWebLink(text);
        if (uri.isEmpty()) {
          f.error(f.at(key), Suggestions.badLink(key, text));
        }
        return uri;
      });
    }

    private void warnUnused() {
      // Ids were collected as they were read, so a source cited before its definition still counts.
      for (Map.Entry<String, Position> e : sourceIds.entrySet()) {
        if (!citedSources.contains(e.getKey()) && !badIds.contains(e.getKey())) {
          problems.add(Problem.warning(file, e.getValue(), "source '" + e.getKey()
              + "' is not cited by any fact"));
        }
      }
      for (Map.Entry<String, Position> e : entityIds.entrySet()) {
        if (!namedEntities.contains(e.getKey()) && !badIds.contains(e.getKey())) {
          problems.add(Problem.warning(file, e.getValue(), "entity '" + e.getKey()
              + "' is not named by any fact (in who or about)"));
        }
      }
    }

    /** How messages name an entry: {@code fact 'one'} when it has an id, else {@code a fact}. */
    private static String named(YamlNode n, String article, String kind) {
      if (n instanceof YamlNode.Mapping m && m.entry("id").map(YamlNode.Mapping.Entry::value)
          .orElse(null) instanceof YamlNode.Scalar id && !id.text().isBlank()) {
        return kind + " '" + id.text().strip() + "'";
      }
      return article + " " + kind;
    }

    private static boolean isEmptyList(Fields f, String key) {
      return f.node(key, false).map(n -> n instanceof YamlNode.Sequence seq && seq.items().isEmpty())
          .orElse(false);
    }

    private static List<String> values(List<Located<String>> located) {
      return located.stream().map(Located::value).toList();
    }

    private static <E> String labels(E[] values, Function<E, String> label) {
      return String.join(", ", Arrays.stream(values).map(label).toList());
    }

    private static String suggestSlug(String id) {
      String s = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
          .replaceAll("^-+|-+$", "");
      return s.isEmpty() ? "my-id" : s;
    }
  }
}
