package org.backgrounder.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.backgrounder.yaml.Position;
import org.backgrounder.yaml.Problem;
import org.backgrounder.yaml.Spelling;
import org.backgrounder.yaml.YamlException;
import org.backgrounder.yaml.YamlReader;

/** Reads {@code backgrounder.yaml} into {@link Settings}; a missing file means every default. */
public final class SettingsLoader {

  /** The settings file inside the config folder. */
  public static final String FILE_NAME = "backgrounder.yaml";

  private static final long MAX_BYTES = 1024 * 1024;

  private final Function<String, String> env;
  private final ObjectMapper mapper;
  private final YAMLFactory factory;

  private SettingsLoader(Function<String, String> env) {
    this.env = env;
    this.factory = YamlReader.factory(MAX_BYTES);
    this.factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper = JsonMapper.builder(factory)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .addModule(module())
        .build();
  }

  /** A loader that reads {@code ${NAME}} from the process environment. */
  public static SettingsLoader fromEnvironment() {
    return new SettingsLoader(System::getenv);
  }

  /** A loader with its own environment (tests). */
  public static SettingsLoader withEnvironment(Map<String, String> env) {
    return new SettingsLoader(env::get);
  }

  /** Loads {@code configDir/backgrounder.yaml}, or the defaults when there is none. */
  public Settings load(Path configDir, String displayName) throws ConfigException {
    Path file = configDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Settings.defaults();
    }
    String text;
    try {
      text = YamlReader.readText(file, displayName, MAX_BYTES);
    } catch (YamlException e) {
      throw new ConfigException(e.problems().get(0));
    }
    return parse(text, displayName);
  }

  /** Parses the text of a settings file named {@code name}. */
  public Settings parse(String text, String name) throws ConfigException {
    JsonParser parser = null;
    EnvParser envParser = null;
    try {
      parser = new EnvParser(factory.createParser(text), env);
      envParser = (EnvParser) parser;
      if (parser.nextToken() == null) {
        return Settings.defaults();
      }
      Settings s = mapper.readValue(parser, Settings.class);
      return s == null ? Settings.defaults() : s;
    } catch (JacksonException e) {
      throw new ConfigException(describe(e, name, envParser));
    } catch (IOException e) {
      throw new ConfigException(new Problem(name, 0, 0, Problem.Severity.ERROR,
          "cannot read the file: " + e.getMessage()));
    } finally {
      closeQuietly(parser);
    }
  }

  private static void closeQuietly(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // a string source holds nothing to release
      }
    }
  }

  /**
   * One problem for a Jackson failure. Where Jackson read ahead (YAML events), the token being
   * handled is a better position than the exception's, so that is used when the failure concerns
   * a key or a value.
   */
  private static Problem describe(JacksonException e, String name, EnvParser parser) {
    Position token = parser == null ? null : tokenPosition(parser);
    if (e instanceof UnrecognizedPropertyException u) {
      String path = path(u);
      Position key = parser == null ? null : parser.keyLocation(path)
          .map(l -> new Position(l.getLineNr(), Math.max(1, l.getColumnNr()))).orElse(null);
      String hint = Spelling.closest(u.getPropertyName(), known(u.getKnownPropertyIds()))
          .map(s -> "; did you mean '" + s + "'?")
          .orElse("; known keys here: " + String.join(", ", known(u.getKnownPropertyIds())));
      return Problem.error(name, key != null ? key : or(token, u), "unknown key '" + path + "'"
          + hint);
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause() == null ? v : v.getCause();
      String path = path(v);
      return Problem.error(name, at(v), (path.isEmpty() ? "" : "'" + path + "': ")
          + cause.getMessage());
    }
    if (e instanceof InvalidFormatException f) {
      return Problem.error(name, or(token, f), "'" + path(f) + "' must be "
          + expected(f.getTargetType()) + "; found '" + f.getValue() + "'");
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
      return Problem.error(name, or(token, m), "'" + path(m) + "': " + iae.getMessage());
    }
    if (e instanceof MismatchedInputException m) {
      return Problem.error(name, or(token, m), "'" + path(m) + "' must be "
          + expected(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof JacksonException inner) {
      return describe(inner, name, parser);
    }
    if (e instanceof com.fasterxml.jackson.core.JsonParseException p && p.getCause() == null
        && p.getOriginalMessage() != null) {
      String msg = p.getOriginalMessage();
      if (msg.startsWith("Duplicate field")) {
        return Problem.error(name, or(token, p), "duplicate key "
            + msg.substring("Duplicate field ".length()));
      }
      if (msg.startsWith("environment variable") || msg.startsWith("aliases")) {
        return Problem.error(name, or(token, p), msg);
      }
    }
    return YamlReader.describe(e, name);
  }

  private static Position tokenPosition(JsonParser parser) {
    var loc = parser.currentTokenLocation();
    return loc == null || loc.getLineNr() < 1 ? null
        : new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static Position or(Position token, JsonProcessingException e) {
    return token != null ? token : at(e);
  }

  private static Position at(JsonProcessingException e) {
    var loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return Position.START;
    }
    return new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static List<String> known(Collection<Object> ids) {
    return ids == null ? List.of() : ids.stream().map(String::valueOf).sorted().toList();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a whole number";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list, e.g. [a, b]";
    }
    if (type == String.class || type == Secret.class || type == java.net.URI.class) {
      return "a single value";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList());
    }
    if (type.isRecord()) {
      return "a mapping of key: value lines";
    }
    return "a valid " + type.getSimpleName();
  }

  private static SimpleModule module() {
    SimpleModule m = new SimpleModule("backgrounder-settings");
    m.addDeserializer(Secret.class, fromText(Secret::of));
    m.addDeserializer(Duration.class, fromText(Durations::parse));
    m.addDeserializer(LocalTime.class, fromText(t -> {
      try {
        return LocalTime.parse(t.length() == 4 ? "0" + t : t);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + t + "' is not a time of day; write e.g. \"08:30\"");
      }
    }));
    m.addDeserializer(ZoneId.class, fromText(t -> {
      try {
        return ZoneId.of(t);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("unknown time zone '" + t + "'; use an IANA name such as"
            + " America/Mexico_City");
      }
    }));
    m.addDeserializer(DayOfWeek.class, fromText(t -> {
      String u = t.strip().toUpperCase(Locale.ROOT);
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(u) || (u.length() >= 3 && d.name().startsWith(u))) {
          return d;
        }
      }
      throw new IllegalArgumentException("'" + t + "' is not a weekday; write MON, TUE, WED, THU,"
          + " FRI, SAT or SUN");
    }));
    return m;
  }

  private static <T> JsonDeserializer<T> fromText(Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.currentToken().isScalarValue()) {
          throw MismatchedInputException.from(p, (Class<?>) null, "expected a single value");
        }
        try {
          return parse.apply(p.getText().strip());
        } catch (IllegalArgumentException e) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
      }
    };
  }
}
