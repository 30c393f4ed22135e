package org.backgrounder.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimpleMarkupTest {

  /** Html's result for a text: whitespace collapsed as Html collapses it. */
  private static String collapsed(String text) {
    return text.replaceAll("[\\s\\u00a0\\u200b]+", " ").strip();
  }

  @Test
  void text_typicalSummary_readsAsJsoupDoes() {
    String summary = "<p>Officials said <b>Sinaloa</b> &amp; CJNG&nbsp;groups met.</p>"
        + "<p>Second &quot;part&quot;,<br/>it&#39;s here. <a href=\"https://x.example/a?b=1&amp;c=2\">"
        + "Read more</a></p>after";

    String simple = SimpleMarkup.text(summary);

    assertThat(simple).isNotNull();
    assertThat(collapsed(simple)).isEqualTo(collapsed(Html.viaJsoup(summary)))
        .isEqualTo("Officials said Sinaloa & CJNG groups met. Second \"part\", it's here."
            + " Read more after");
  }

  @Test
  void text_markupABrowserWouldRearrangeOrOtherElements_isLeftToJsoup() {
    for (String s : List.of("<b><p>x</p></b>", "<p>a<p>b</p></p>", "<b>x<i>y</b></i>",
        "<p>open", "</p>", "<div>x</div>", "<script>x()</script>", "a <!-- c --> b", "AT&T",
        "&copy; 2025", "<a href=x>y</a>", "<P>x</P>", "a < b", "<a href=\"x\">y<a href=\"z\">w</a></a>",
        "<img src=\"x\">", "x\r\ny", "&ampx")) {
      assertThat(SimpleMarkup.text(s)).as(s).isNull();
    }
    assertThat(Html.toText("AT&T and <div>x</div>")).isEqualTo("AT&T and x");
  }

  @Test
  void text_generatedFragments_readAsJsoupReadsThemWheneverAccepted() {
    // Fragments put together from the pieces feeds use, in random order and nesting; each one
    // the fast path accepts must read exactly as jsoup reads it.
    String[] words = {"cartel", "Sinaloa", "a", "b.", " ", "  ", "\n", "\t", "&amp;", "&lt;",
        "&gt;", "&quot;", "&#39;", "&nbsp;", "& ", "x&y", "é", "\u200b", "\u00ad", "\u00a0", "\"", "'", ">", "1,000"};
    String[] opens = {"<p>", "<p class=\"lede\">", "<b>", "<i>", "<em>", "<strong>", "<span>",
        "<a href=\"https://n.example/1?a=1&amp;b=2\">", "<a href='x' title=\"t\">", "<br>", "<br/>",
        "<br />", "<div>", "<ul><li>", "<!-- c -->", "<u>"};
    Random r = new Random(15);
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
      int parts = 1 + r.nextInt(12);
      for (int k = 0; k < parts; k++) {
        int what = r.nextInt(10);
        if (what < 5) {
          b.append(words[r.nextInt(words.length)]);
        } else if (what < 8) {
          String open = opens[r.nextInt(opens.length)];
          b.append(open);
          String name = open.replaceAll("^<([a-z]+).*", "$1");
          if (!name.equals("br") && !open.startsWith("<!")) {
            stack.push(name);
          }
        } else if (!stack.isEmpty()) {
          // Mostly well nested, sometimes not: close the innermost, or a random open one.
          String name = r.nextInt(5) == 0 ? stack.toArray(new String[0])[r.nextInt(stack.size())]
              : stack.pop();
          b.append("</").append(name).append('>');
        }
      }
      if (r.nextBoolean()) {
        while (!stack.isEmpty()) {
          b.append("</").append(stack.pop()).append('>');
        }
      }
      String s = b.toString();
      String simple = SimpleMarkup.text(s);
      if (simple != null) {
        accepted++;
        assertThat(collapsed(simple)).as(s).isEqualTo(collapsed(Html.viaJsoup(s)));
      }
    }
    assertThat(accepted).as("fragments the fast path read").isGreaterThan(2_000);
  }

  @Test
  void collapseSpaces_givesWhatTheRegularExpressionGave() {
    // Every kind of space the expression collapses, and some it leaves to strip() or keeps.
    char[] alphabet = {'a', 'b', ' ', ' ', '\t', '\n', 0x0B, '\f', '\r', '\u00a0', '\u200b',
        '\u2003', '\u001f', '\u3000', '.'};
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      char[] text = new char[random.nextInt(12)];
      for (int j = 0; j < text.length; j++) {
        text[j] = alphabet[random.nextInt(alphabet.length)];
      }
      String s = new String(text);
      assertThat(Html.collapseSpaces(s)).as("%s", List.of(text))
          .isEqualTo(Html.SPACE.matcher(s).replaceAll(" ").strip());
    }
    assertThat(Html.collapseSpaces(" a \u00a0\t b  ")).isEqualTo("a b");
  }
}
