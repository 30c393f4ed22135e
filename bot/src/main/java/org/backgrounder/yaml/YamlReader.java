package org.backgrounder.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link YamlNode} tree, defensively: the file's size is capped
 * before it is read, bytes must be UTF-8 text, aliases may not expand past a node budget, and
 * every failure is a {@link YamlException} with {@code file:line:column}.
 */
public final class YamlReader {

  /** The largest file read; an editor's file is kilobytes, anything near this is a mistake. */
  public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

  /** The most nodes a document may hold once aliases are expanded (defeats "billion laughs"). */
  public static final int DEFAULT_MAX_NODES = 1_000_000;

  private static final int MAX_DEPTH = 100;

  private final long maxBytes;
  private final int maxNodes;
  private final YAMLFactory factory;

  private YamlReader(long maxBytes, int maxNodes) {
    this.maxBytes = maxBytes;
    this.maxNodes = maxNodes;
    this.factory = factory(maxBytes);
  }

  public static YamlReader standard() {
    return new YamlReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES);
  }


  /**
   * The YAML factory every reader of editor-written YAML in this project uses: bounded code points
   * and nesting, so no input can make the parser allocate without limit.
   */
  public static YAMLFactory factory(long maxBytes) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes + 1));
    options.setNestingDepthLimit(MAX_DEPTH);
    YAMLFactory f = YAMLFactory.builder()
        .loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();
    f.enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION);
    // The tree reader reports duplicate keys itself, with where the first one is.
    f.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return f;
  }

  /** Reads {@code file}; {@code name} is how problems name it (usually the path as given). */
  public YamlNode read(Path file, String name) throws YamlException {
    return parse(readText(file, name, maxBytes), name);
  }

  /**
   * The text of an editor's file: size-capped, UTF-8 (a leading byte-order mark is dropped), and
   * refused with a clear problem when it is binary or in another encoding.
   */
  public static String readText(Path file, String name, long maxBytes) throws YamlException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR, String.format(
            Locale.ROOT, "the file is %s; files here may be at most %s (is it the right file?)",
            humanSize(size), humanSize(maxBytes))));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR, "no such file"));
    } catch (IOException e) {
      throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR,
          "cannot read the file: " + e.getMessage()));
    }
    return decode(bytes, name);
  }

  static String decode(byte[] bytes, String name) throws YamlException {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new YamlException(error(name, positionOfByte(bytes, start, i),
            "this is not a text file (it contains binary data); a YAML file is plain UTF-8 text"));
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      throw new YamlException(error(name, positionOfByte(bytes, start, bad), String.format(
          Locale.ROOT, "byte 0x%02X is not UTF-8; save the file as UTF-8 text",
          bytes[Math.min(bad, bytes.length - 1)] & 0xff)));
    }
    return out.flip().toString();
  }

  /** Parses {@code text}, the whole content of the file named {@code name}. */
  public YamlNode parse(String text, String name) throws YamlException {
    if (text.length() > maxBytes) {
      throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR,
          "the file is larger than " + humanSize(maxBytes)));
    }
    TreeBuilder builder = new TreeBuilder(name, maxNodes);
    JsonParser parser = null;
    try {
      parser = factory.createParser(text);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR, "the file is empty"));
      }
      YamlNode root = builder.value((YAMLParser) parser, first, 0);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        builder.problems.add(error(name, position(parser.currentTokenLocation()),
            "a second YAML document starts here; a file holds exactly one"));
      }
      if (!builder.problems.isEmpty()) {
        throw new YamlException(builder.problems);
      }
      return root;
    } catch (JacksonException e) {
      Problem p = describe(e, name);
      if (e.getLocation() == null && parser != null) {
        // Limits (depth, size) are reported without a location; where the parser stopped is it.
        Position at = position(parser.currentLocation());
        p = Problem.error(name, at, p.message());
      }
      throw new YamlException(p);
    } catch (IOException e) {
      throw new YamlException(new Problem(name, 0, 0, Problem.Severity.ERROR,
          "cannot read the file: " + e.getMessage()));
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // reading a string: nothing to release
        }
      }
    }
  }

  /**
   * Turns a Jackson or SnakeYAML failure into one problem an editor understands: where it is and
   * what to do, without the parser's internals.
   */
  public static Problem describe(JacksonException e, String name) {
    Position at = position(e.getLocation());
    String problem = e.getOriginalMessage();
    Position contextAt = null;
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      if (marked.getProblemMark() != null) {
        at = new Position(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
      }
      if (marked.getContextMark() != null) {
        contextAt = new Position(marked.getContextMark().getLine() + 1,
            marked.getContextMark().getColumn() + 1);
      }
      problem = marked.getProblem() == null ? String.valueOf(marked.getMessage()) : marked.getProblem();
      String context = marked.getContext() == null ? "" : marked.getContext();
      if (context.contains("quoted scalar") && contextAt != null) {
        // The end of the file is where the parser gave up; the opening quote is what to fix.
        return error(name, contextAt, "a quoted value is never closed; its quote opens here");
      }
      return error(name, at, explain(problem, context, contextAt));
    }
    return error(name, at, explain(firstLine(problem), "", null));
  }

  private static String explain(String problem, String context, Position contextAt) {
    String p = problem == null ? "" : problem;
    if (p.contains("\\t(TAB)") || p.contains("\t")) {
      return Tabs.MESSAGE;
    }
    if (context.contains("quoted scalar")) {
      return "a quoted value is never closed";
    }
    if (p.contains("mapping values are not allowed")) {
      return "unexpected ':' here; a value that contains ': ' must be put in quotes";
    }
    if (p.contains("found duplicate key") || p.contains("Duplicate field")) {
      return "duplicate key " + quoted(p);
    }
    if (p.contains("exceeds the limit")) {
      return "the file is too large to read";
    }
    if (p.contains("Nesting Depth") || p.contains("nesting depth")) {
      return "the structure is nested too deeply";
    }
    if (p.contains("special characters are not allowed")) {
      return "a control character that YAML does not allow";
    }
    if (context.contains("flow sequence")) {
      return "a list in [brackets] is not closed or is missing a ','"
          + (contextAt == null ? "" : " (it opens at line " + contextAt.line() + ")");
    }
    if (context.contains("flow mapping")) {
      return "a mapping in {braces} is not closed or is missing a ','"
          + (contextAt == null ? "" : " (it opens at line " + contextAt.line() + ")");
    }
    if (p.contains("expected <block end>")) {
      return "the indentation here does not line up with the lines above";
    }
    String cleaned = firstLine(p).trim();
    return "YAML syntax: " + (cleaned.isEmpty() ? "unreadable" : cleaned);
  }

  private static String quoted(String text) {
    int a = text.indexOf('\'');
    int b = a < 0 ? -1 : text.indexOf('\'', a + 1);
    if (a >= 0 && b > a) {
      return text.substring(a, b + 1);
    }
    a = text.indexOf('"');
    b = a < 0 ? -1 : text.indexOf('"', a + 1);
    return a >= 0 && b > a ? text.substring(a, b + 1) : "";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static Problem error(String name, Position at, String message) {
    return Problem.error(name, at, message);
  }

  private static Position positionOfByte(byte[] bytes, int start, int index) {
    int line = 1;
    int column = 1;
    for (int i = start; i < index; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new Position(line, column);
  }

  static String humanSize(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
    if (bytes >= 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return bytes + " bytes";
  }

  /** Builds the tree from the token stream, counting expanded nodes so aliases cannot explode. */
  private static final class TreeBuilder {
    private final String name;
    private final int maxNodes;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private long expanded;

    TreeBuilder(String name, int maxNodes) {
      this.name = name;
      this.maxNodes = maxNodes;
    }

    YamlNode value(YAMLParser p, JsonToken token, int depth) throws IOException, YamlException {
      Position at = position(p.currentTokenLocation());
      if (p.isCurrentAlias()) {
        String anchor = p.getText();
        YamlNode target = anchors.get(anchor);
        if (target == null) {
          throw new YamlException(error(name, at, "alias *" + anchor + " refers to no anchor &"
              + anchor + " above it"));
        }
        count(sizes.getOrDefault(target, 1L), at);
        return target;
      }
      String anchor = p.getObjectId();
      long before = expanded;
      count(1, at);
      YamlNode node = switch (token) {
        case START_OBJECT -> mapping(p, at, depth);
        case START_ARRAY -> sequence(p, at, depth);
        case VALUE_STRING -> new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.STRING);
        case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.INTEGER);
        case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.FLOAT);
        case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.BOOLEAN);
        case VALUE_NULL -> new YamlNode.Scalar(at, null, YamlNode.Scalar.Type.NULL);
        case VALUE_EMBEDDED_OBJECT -> new YamlNode.Scalar(at, p.getText(), YamlNode.Scalar.Type.STRING);
        default -> throw new YamlException(error(name, at, "unexpected " + token));
      };
      if (anchor != null) {
        anchors.put(anchor, node);
        sizes.put(node, expanded - before);
      }
      return node;
    }

    private YamlNode.Mapping mapping(YAMLParser p, Position at, int depth)
        throws IOException, YamlException {
      List<YamlNode.Mapping.Entry> entries = new ArrayList<>();
      Map<String, Position> seen = new HashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
        if (t == null) {
          throw new YamlException(error(name, at, "the file ends inside a mapping"));
        }
        String key = p.currentName();
        Position keyAt = position(p.currentTokenLocation());
        JsonToken valueToken = p.nextToken();
        YamlNode value = value(p, valueToken, depth + 1);
        Position first = seen.putIfAbsent(key, keyAt);
        if (first != null) {
          problems.add(error(name, keyAt, "duplicate key '" + key + "' (first used at line "
              + first.line() + "); remove one of them"));
        } else {
          entries.add(new YamlNode.Mapping.Entry(key, keyAt, value));
        }
      }
      return new YamlNode.Mapping(at, entries);
    }

    private YamlNode.Sequence sequence(YAMLParser p, Position at, int depth)
        throws IOException, YamlException {
      List<YamlNode> items = new ArrayList<>();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new YamlException(error(name, at, "the file ends inside a list"));
        }
        items.add(value(p, t, depth + 1));
      }
      return new YamlNode.Sequence(at, items);
    }

    private void count(long nodes, Position at) throws YamlException {
      expanded += nodes;
      if (expanded > maxNodes) {
        throw new YamlException(error(name, at, "the document grows past " + maxNodes
            + " values once its aliases (*name) are expanded; is it a YAML bomb?"));
      }
    }
  }
}
