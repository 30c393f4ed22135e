package org.backgrounder.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} (and {@code ${NAME:-fallback}}) in string values with the environment's
 * value as Jackson reads them, so positions stay those of the file. A missing variable without a
 * fallback is an error at the value's position that names the variable. Aliases are refused: in a
 * settings file they are never needed and Jackson would read them as their anchor's name.
 */
final class EnvParser extends JsonParserDelegate {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final Function<String, String> env;
  private final Map<String, JsonLocation> keyLocations = new HashMap<>();

  EnvParser(JsonParser delegate, Function<String, String> env) {
    super(delegate);
    this.env = env;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = super.nextToken();
    if (delegate instanceof YAMLParser y && y.isCurrentAlias()) {
      throw new JsonParseException(this, "aliases (*" + y.getText() + ") are not supported in"
          + " settings; write the value out");
    }
    if (t == JsonToken.FIELD_NAME) {
      keyLocations.putIfAbsent(path(getParsingContext()), currentTokenLocation());
    }
    return t;
  }

  /**
   * Where the key at {@code path} (as {@code slack.mode} or {@code digests[0].zone}) was written.
   * Jackson buffers properties of records and reports problems after reading ahead, so its own
   * locations can be a line late.
   */
  Optional<JsonLocation> keyLocation(String path) {
    return Optional.ofNullable(keyLocations.get(path));
  }

  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push(c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      }
    }
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      if (b.length() > 0 && !part.startsWith("[")) {
        b.append('.');
      }
      b.append(part);
    }
    return b.toString();
  }

  @Override
  public String getText() throws IOException {
    String t = super.getText();
    return currentToken() == JsonToken.VALUE_STRING ? expand(t) : t;
  }

  @Override
  public String getValueAsString() throws IOException {
    return currentToken() == JsonToken.VALUE_STRING ? getText() : super.getValueAsString();
  }

  @Override
  public String getValueAsString(String defaultValue) throws IOException {
    return currentToken() == JsonToken.VALUE_STRING ? getText() : super.getValueAsString(defaultValue);
  }

  @Override
  public char[] getTextCharacters() throws IOException {
    return currentToken() == JsonToken.VALUE_STRING ? getText().toCharArray()
        : super.getTextCharacters();
  }

  @Override
  public int getTextLength() throws IOException {
    return currentToken() == JsonToken.VALUE_STRING ? getText().length() : super.getTextLength();
  }

  @Override
  public int getTextOffset() throws IOException {
    return currentToken() == JsonToken.VALUE_STRING ? 0 : super.getTextOffset();
  }

  private String expand(String text) throws JsonParseException {
    if (text == null || !text.contains("${")) {
      return text;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null) {
        if (m.group(2) == null) {
          throw new JsonParseException(this, "environment variable " + m.group(1) + " is not set"
              + " (set it, or write ${" + m.group(1) + ":-} to make it optional)");
        }
        value = m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
