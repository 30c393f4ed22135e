package org.backgrounder.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.backgrounder.config.Settings;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging} from the settings to the running log: the root level, and text lines or
 * JSON lines (one object a line: time, level, logger, thread, message, error) on standard error.
 */
public final class Logs {

  private Logs() {}

  public static void configure(Settings.Logging logging) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(logging.level().name(), Level.INFO));
    if (logging.format() == Settings.Logging.Format.JSON) {
      ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
      json.setContext(context);
      json.setName("JSON");
      json.setTarget("System.err");
      LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
      encoder.setContext(context);
      encoder.setCharset(StandardCharsets.UTF_8);
      JsonLines layout = new JsonLines();
      layout.setContext(context);
      layout.start();
      encoder.setLayout(layout);
      encoder.start();
      json.setEncoder(encoder);
      json.start();
      root.detachAndStopAllAppenders();
      root.addAppender(json);
    }
  }

  /** One JSON object a line. */
  static final class JsonLines extends LayoutBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent e) {
      StringWriter w = new StringWriter(256);
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("time", Instant.ofEpochMilli(e.getTimeStamp()).toString());
        g.writeStringField("level", e.getLevel().toString().toLowerCase(Locale.ROOT));
        g.writeStringField("logger", e.getLoggerName());
        g.writeStringField("thread", e.getThreadName());
        g.writeStringField("message", e.getFormattedMessage());
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) {
          g.writeStringField("error", ThrowableProxyUtil.asString(t));
        }
        g.writeEndObject();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return w.append('\n').toString();
    }
  }
}
