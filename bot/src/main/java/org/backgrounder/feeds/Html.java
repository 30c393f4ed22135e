package org.backgrounder.feeds;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML that feeds put in titles and summaries into plain text: tags dropped (scripts and
 * styles with their content), block ends as spaces, entities decoded, whitespace collapsed.
 */
public final class Html {

  private static final Pattern DROP = Pattern.compile(
      "(?is)<(script|style|iframe|object|noscript)\\b.*?</\\1\\s*>|<!--.*?-->|<!\\[CDATA\\[|\\]\\]>");
  /** What is left of a comment after whole ones are gone: unclosed, or closed by a bare '>'. */
  private static final Pattern BROKEN_COMMENT = Pattern.compile("(?s)<!--[^>]*(>|$)");
  private static final Pattern BREAK = Pattern.compile(
      "(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr|/blockquote|p|div|li|tr|h[1-6])\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[/!?]?[A-Za-z][^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u200b]+");

  private static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
      Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
      Map.entry("thinsp", " "), Map.entry("hellip", "\u2026"), Map.entry("mdash", "\u2014"),
      Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
      Map.entry("sbquo", "\u201a"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
      Map.entry("bdquo", "\u201e"), Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"),
      Map.entry("lsaquo", "\u2039"), Map.entry("rsaquo", "\u203a"), Map.entry("bull", "\u2022"),
      Map.entry("middot", "\u00b7"), Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"),
      Map.entry("trade", "\u2122"), Map.entry("deg", "\u00b0"), Map.entry("euro", "\u20ac"),
      Map.entry("pound", "\u00a3"), Map.entry("yen", "\u00a5"), Map.entry("cent", "\u00a2"),
      Map.entry("sect", "\u00a7"), Map.entry("para", "\u00b6"), Map.entry("times", "\u00d7"),
      Map.entry("divide", "\u00f7"), Map.entry("plusmn", "\u00b1"), Map.entry("frac12", "\u00bd"),
      Map.entry("frac14", "\u00bc"), Map.entry("frac34", "\u00be"), Map.entry("iexcl", "\u00a1"),
      Map.entry("iquest", "\u00bf"), Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""),
      Map.entry("aacute", "\u00e1"), Map.entry("eacute", "\u00e9"), Map.entry("iacute", "\u00ed"),
      Map.entry("oacute", "\u00f3"), Map.entry("uacute", "\u00fa"), Map.entry("yacute", "\u00fd"),
      Map.entry("Aacute", "\u00c1"), Map.entry("Eacute", "\u00c9"), Map.entry("Iacute", "\u00cd"),
      Map.entry("Oacute", "\u00d3"), Map.entry("Uacute", "\u00da"), Map.entry("ntilde", "\u00f1"),
      Map.entry("Ntilde", "\u00d1"), Map.entry("uuml", "\u00fc"), Map.entry("Uuml", "\u00dc"),
      Map.entry("auml", "\u00e4"), Map.entry("Auml", "\u00c4"), Map.entry("ouml", "\u00f6"),
      Map.entry("Ouml", "\u00d6"), Map.entry("euml", "\u00eb"), Map.entry("iuml", "\u00ef"),
      Map.entry("szlig", "\u00df"), Map.entry("agrave", "\u00e0"), Map.entry("egrave", "\u00e8"),
      Map.entry("igrave", "\u00ec"), Map.entry("ograve", "\u00f2"), Map.entry("ugrave", "\u00f9"),
      Map.entry("Agrave", "\u00c0"), Map.entry("Egrave", "\u00c8"), Map.entry("acirc", "\u00e2"),
      Map.entry("ecirc", "\u00ea"), Map.entry("icirc", "\u00ee"), Map.entry("ocirc", "\u00f4"),
      Map.entry("ucirc", "\u00fb"), Map.entry("ccedil", "\u00e7"), Map.entry("Ccedil", "\u00c7"),
      Map.entry("atilde", "\u00e3"), Map.entry("otilde", "\u00f5"), Map.entry("aring", "\u00e5"),
      Map.entry("Aring", "\u00c5"), Map.entry("aelig", "\u00e6"), Map.entry("AElig", "\u00c6"),
      Map.entry("oslash", "\u00f8"), Map.entry("Oslash", "\u00d8"), Map.entry("ordf", "\u00aa"),
      Map.entry("ordm", "\u00ba"), Map.entry("acute", "\u00b4"), Map.entry("uml", "\u00a8"),
      Map.entry("larr", "\u2190"), Map.entry("rarr", "\u2192"), Map.entry("uarr", "\u2191"),
      Map.entry("darr", "\u2193"), Map.entry("prime", "\u2032"), Map.entry("Prime", "\u2033"),
      Map.entry("dagger", "\u2020"), Map.entry("Dagger", "\u2021"), Map.entry("permil", "\u2030"),
      Map.entry("minus", "\u2212"), Map.entry("le", "\u2264"), Map.entry("ge", "\u2265"),
      Map.entry("ne", "\u2260"), Map.entry("infin", "\u221e"), Map.entry("alpha", "\u03b1"),
      Map.entry("beta", "\u03b2"), Map.entry("mu", "\u03bc"), Map.entry("pi", "\u03c0"));

  private Html() {}

  /** Plain text of an HTML (or plain) fragment. */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String s = html;
    if (s.indexOf('<') >= 0) {
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("<!") || lower.contains("]]>") || lower.contains("<script")
          || lower.contains("<style") || lower.contains("<iframe") || lower.contains("<object")
          || lower.contains("<noscript")) {
        s = DROP.matcher(s).replaceAll(" ");
        s = BROKEN_COMMENT.matcher(s).replaceAll("");
      }
      s = BREAK.matcher(s).replaceAll(" ");
      s = TAG.matcher(s).replaceAll("");
    }
    if (s.indexOf('&') >= 0) {
      s = decodeEntities(s);
    }
    return SPACE.matcher(s).replaceAll(" ").strip();
  }

  /** Decodes character references; unknown names stay as written. */
  public static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String ref = m.group(1);
      String replacement = null;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(ref.substring(2), 16));
      } else if (ref.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(ref.substring(1)));
      } else {
        replacement = NAMED.get(ref);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return "\uFFFD";
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      // Windows-1252 numbers written as references by legacy tools ("&#146;" for an apostrophe)
      byte[] b = {(byte) cp};
      return new String(b, java.nio.charset.Charset.forName("windows-1252"));
    }
    return new String(Character.toChars(cp));
  }
}
