package org.backgrounder.facts;

import java.util.regex.Pattern;

/** The slug rule every id of the fact file follows: {@code [a-z0-9][a-z0-9-]*}. */
public final class Ids {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private Ids() {}

  public static boolean isSlug(String s) {
    return s != null && SLUG.matcher(s).matches();
  }

  static String requireSlug(String s, String what) {
    if (!isSlug(s)) {
      throw new IllegalArgumentException(what + " must be a slug ([a-z0-9][a-z0-9-]*), got " + s);
    }
    return s;
  }
}
