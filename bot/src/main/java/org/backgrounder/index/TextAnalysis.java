package org.backgrounder.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * How text becomes searchable words, the same way for what is indexed and what is asked: split
 * (Unicode word rules), lower-cased, accents folded, inner dots and apostrophes dropped ("U.S." is
 * "us"), then each word is indexed with its English and Spanish stems at the same position.
 */
public final class TextAnalysis {

  private static final Analyzer VARIANTS = build(true);
  private static final Analyzer WORDS = build(false);

  private TextAnalysis() {}

  /** The analyzer of matching fields: each word with its stems. */
  static Analyzer variants() {
    return VARIANTS;
  }

  /** The analyzer of exact-form fields: folded words only. */
  static Analyzer words() {
    return WORDS;
  }

  /** One word of a text: as folded, with every form it matches, and where it was. */
  public record Word(String folded, Set<String> variants, int start, int end) {}

  /** The words of {@code text}, each with its variants. */
  public static List<Word> analyze(String text) {
    List<Word> out = new ArrayList<>();
    try (TokenStream ts = VARIANTS.tokenStream("vocab", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      String folded = null;
      Set<String> variants = null;
      int start = 0;
      int end = 0;
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0) {
          if (folded != null) {
            out.add(new Word(folded, Set.copyOf(variants), start, end));
          }
          folded = term.toString();
          variants = new LinkedHashSet<>();
          start = offset.startOffset();
          end = offset.endOffset();
        }
        variants.add(term.toString());
      }
      if (folded != null) {
        out.add(new Word(folded, Set.copyOf(variants), start, end));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Analyzer build(boolean withVariants) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        ts = new ASCIIFoldingFilter(ts);
        ts = new InnerPunctuationFilter(ts);
        ts = new EnglishPossessiveFilter(ts);
        if (withVariants) {
          ts = new VariantFilter(ts);
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /** Drops dots and apostrophes inside a word: "u.s" becomes "us", "o'neill" becomes "oneill". */
  private static final class InnerPunctuationFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    InnerPunctuationFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] b = term.buffer();
      int len = term.length();
      int w = 0;
      for (int r = 0; r < len; r++) {
        char c = b[r];
        if (c != '.' && c != '\'' && c != '\u2019') {
          b[w++] = c;
        }
      }
      term.setLength(w);
      return true;
    }
  }

  /**
   * Adds the English (Porter2) and Spanish stems of each word at its position. Spanish gets two:
   * the light stem (plurals and gender) and Snowball's, which also folds verb endings
   * ("vendían" and "vendió" meet at "vend"). On the spent question sets (dev and fresh 1 to 4)
   * Snowball's stem gave 200 right answers of 423 instead of 190, with 49 wrong either way and
   * 25 uncovered questions answered instead of 28.
   */
  private static final class VariantFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final EnglishStemmer english = new EnglishStemmer();
    private final SpanishLightStemmer spanish = new SpanishLightStemmer();
    private final SpanishStemmer verbs = new SpanishStemmer();
    private final List<String> pending = new ArrayList<>();
    /** Stems of words seen lately: text repeats its words, and stemming is the costly part. */
    private final java.util.Map<String, String[]> cache = new java.util.HashMap<>();

    VariantFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!pending.isEmpty()) {
        // The word's other attributes (offsets, type) are still those of the word: only the
        // term and the position change, so nothing needs to be captured and restored.
        term.setEmpty().append(pending.remove(pending.size() - 1));
        inc.setPositionIncrement(0);
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      String word = term.toString();
      if (word.length() >= 3 && !isNumber(word)) {
        String[] forms = cache.get(word);
        if (forms == null) {
          forms = forms(word);
          if (cache.size() > 20_000) {
            cache.clear();
          }
          cache.put(word, forms);
        }
        for (String f : forms) {
          pending.add(f);
        }
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending.clear();
    }

    /** The other forms of a word: its Spanish and English stems and, if irregular, its base. */
    private String[] forms(String word) {
      List<String> out = new ArrayList<>(3);
      english.setCurrent(word);
      english.stem();
      String en = english.getCurrent();
      char[] buf = word.toCharArray();
      String es = new String(buf, 0, spanish.stem(buf, buf.length));
      if (!es.equals(word) && !es.equals(en) && es.length() >= 2) {
        out.add(es);
      }
      if (!en.equals(word) && en.length() >= 2) {
        out.add(en);
      }
      verbs.setCurrent(word);
      verbs.stem();
      String verb = verbs.getCurrent();
      if (!verb.equals(word) && verb.length() >= 3 && !out.contains(verb) && !verb.equals(en)) {
        out.add(verb);
      }
      String base = Irregular.base(word);
      if (base != null && !out.contains(base)) {
        out.add(base);
      }
      return out.toArray(String[]::new);
    }

    private static boolean isNumber(String w) {
      for (int i = 0; i < w.length(); i++) {
        if (!Character.isDigit(w.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
