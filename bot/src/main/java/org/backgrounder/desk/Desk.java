package org.backgrounder.desk;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.backgrounder.config.Settings;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's page: a Jetty handler for every path under {@code /desk}, to sit beside the
 * operations endpoints on the {@code http.listen} address. Other paths it leaves alone.
 */
public final class Desk extends Handler.Abstract {

  private static final Logger LOG = LoggerFactory.getLogger(Desk.class);
  /** Forms are a token or a gap's key: a few kilobytes is plenty. */
  private static final int MAX_FORM = 16 * 1024;
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Settings.Desk settings;
  private final DeskSources src;
  private final DeskAuth auth;
  private final TemplateEngine templates;

  private Desk(Settings.Desk settings, DeskSources src) {
    this.settings = settings;
    this.src = src;
    this.auth = new DeskAuth(settings.token(), src.clock());
    this.templates = templates();
  }

  /** The templates, compiled into this package at build time (see bot/pom.xml). */
  static TemplateEngine templates() {
    return TemplateEngine.createPrecompiled(null, ContentType.Html, Desk.class.getClassLoader(),
        Desk.class.getPackageName());
  }

  static String html(TemplateEngine templates, String template, Object view) {
    StringOutput out = new StringOutput();
    templates.render(template, view, out);
    return out.toString();
  }

  /** The desk over {@code src}; with no token configured it only says how to turn it on. */
  public static Desk create(Settings.Desk settings, DeskSources src) {
    return new Desk(settings, src);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/desk") && !path.startsWith("/desk/")) {
      return false;
    }
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the
    // desk's own forms. Links out carry rel="noreferrer" anyway.
    response.getHeaders().put("Referrer-Policy", "same-origin");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    try {
      route(request, response, callback, path);
    } catch (RuntimeException | IOException e) {
      LOG.warn("desk: {} {} failed", request.getMethod(), path, e);
      if (!response.isCommitted()) {
        text(response, callback, 500, "Something went wrong on the desk's page; the log says"
            + " what.\n");
      } else {
        callback.failed(e);
      }
    }
    return true;
  }

  private void route(Request request, Response response, Callback callback, String path)
      throws IOException {
    String method = request.getMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    boolean post = method.equals("POST");
    if (!get && !post) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
      text(response, callback, 405, "GET or POST only\n");
      return;
    }
    if (path.equals("/desk")) {
      redirect(response, callback, "/desk/");
      return;
    }
    if (!settings.enabled()) {
      page(response, callback, 404, "off.jte", Boolean.TRUE);
      return;
    }
    if (post && !sameOrigin(request)) {
      text(response, callback, 403, "forms are accepted from the desk's own page only\n");
      return;
    }
    if (path.equals("/desk/sign-in")) {
      signIn(request, response, callback, post);
      return;
    }
    if (!signedIn(request)) {
      if (get && !path.endsWith(".csv") && !hasBearer(request)) {
        redirect(response, callback, "/desk/sign-in");
      } else {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"desk\"");
        text(response, callback, 401, "sign in first: send Authorization: Bearer TOKEN, or use"
            + " /desk/sign-in\n");
      }
      return;
    }
    if (post) {
      posted(request, response, callback, path);
      return;
    }
    Fields q = Request.extractQueryParameters(request);
    int page = Views.pageNumber(q.getValue("page"));
    boolean askers = settings.showAskers();
    switch (path) {
      case "/desk/" -> page(response, callback, 200, "overview.jte", OverviewPage.build(src));
      case "/desk/gaps" -> page(response, callback, 200, "gaps.jte",
          GapsPage.build(src, page, askers));
      case "/desk/gaps.csv" -> {
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION,
            "attachment; filename=\"desk-gaps.csv\"");
        reply(response, callback, 200, "text/csv; charset=utf-8", GapsPage.csv(src, askers));
      }
      case "/desk/feedback" -> page(response, callback, 200, "feedback.jte",
          FeedbackPage.build(src, page, askers));
      case "/desk/facts" -> page(response, callback, 200, "facts.jte",
          FactsPage.build(src, q.getValue("story"), q.getValue("status"), page));
      case "/desk/feeds" -> page(response, callback, 200, "feeds.jte", FeedsPage.build(src));
      case "/desk/timeline" -> page(response, callback, 200, "timeline.jte",
          TimelinePage.build(src, q.getValue("story"), page));
      default -> text(response, callback, 404, "no such desk page\n");
    }
  }

  private void posted(Request request, Response response, Callback callback, String path)
      throws IOException {
    Map<String, String> form = form(request);
    switch (path) {
      case "/desk/gaps/handled" -> {
        String key = form.getOrDefault("key", "");
        if (key.isEmpty() || !src.audit().markHandled(key, src.clock().instant())) {
          text(response, callback, 404, "no such gap\n");
          return;
        }
        LOG.info("desk: a gap was marked handled");
        redirect(response, callback, "/desk/gaps?page=" + Views.pageNumber(form.get("page")));
      }
      case "/desk/sign-out" -> {
        cookie(request).ifPresent(auth::closeSession);
        response.getHeaders().add(HttpHeader.SET_COOKIE, DeskAuth.COOKIE
            + "=; Path=/desk; Max-Age=0; HttpOnly; SameSite=Strict");
        redirect(response, callback, "/desk/sign-in");
      }
      default -> text(response, callback, 404, "no such desk form\n");
    }
  }

  private void signIn(Request request, Response response, Callback callback, boolean post)
      throws IOException {
    if (!post) {
      page(response, callback, 200, "signin.jte", Boolean.FALSE);
      return;
    }
    if (!auth.tokenMatches(form(request).get("token"))) {
      LOG.info("desk: a sign-in with a wrong token was refused");
      page(response, callback, 401, "signin.jte", Boolean.TRUE);
      return;
    }
    response.getHeaders().add(HttpHeader.SET_COOKIE, DeskAuth.COOKIE + "=" + auth.openSession()
        + "; Path=/desk; Max-Age=" + DeskAuth.SESSION.toSeconds() + "; HttpOnly; SameSite=Strict"
        + (request.isSecure() ? "; Secure" : ""));
    redirect(response, callback, "/desk/");
  }

  private boolean signedIn(Request request) {
    Optional<String> bearer = DeskAuth.bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (bearer.isPresent()) {
      return auth.tokenMatches(bearer.get());
    }
    return cookie(request).map(auth::sessionValid).orElse(false);
  }

  private static boolean hasBearer(Request request) {
    return request.getHeaders().contains(HttpHeader.AUTHORIZATION);
  }

  private static Optional<String> cookie(Request request) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(DeskAuth.COOKIE)) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  /** A form's Origin, when the browser sends one, must be this server. */
  private static boolean sameOrigin(Request request) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null) {
      return true;
    }
    String host = request.getHeaders().get(HttpHeader.HOST);
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private static Map<String, String> form(Request request) throws IOException {
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_FORM + 1);
    }
    Map<String, String> out = new HashMap<>();
    if (body.length > MAX_FORM) {
      return out;
    }
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        try {
          out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed escape: the field is left out
        }
      }
    }
    return out;
  }

  private void page(Response response, Callback callback, int status, String template,
      Object view) {
    reply(response, callback, status, "text/html; charset=utf-8", html(templates, template, view));
  }

  private static void redirect(Response response, Callback callback, String to) {
    response.getHeaders().put(HttpHeader.LOCATION, to);
    reply(response, callback, 303, "text/plain; charset=utf-8", "see " + to + "\n");
  }

  private static void text(Response response, Callback callback, int status, String body) {
    reply(response, callback, status, "text/plain; charset=utf-8", body);
  }

  private static void reply(Response response, Callback callback, int status, String type,
      String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    Content.Sink.write(response, true, body, callback);
  }
}
