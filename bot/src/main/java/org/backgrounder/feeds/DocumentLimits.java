package org.backgrounder.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Reader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Measures a feed document in one streaming pass, without recursion, before Rome or Jackson
 * builds a tree of it: a tree is walked recursively (tens of thousands of nested elements exhaust
 * the stack) and costs about a hundred bytes a node (ten megabytes of {@code <a/>} need hundreds
 * of megabytes of heap). Real feeds nest a few levels and hold some thousands of nodes; the
 * limits leave them a wide margin.
 */
final class DocumentLimits {

  /** Elements inside one another; Atom's XHTML content rarely passes 20. */
  static final int MAX_DEPTH = 100;
  /** Elements, attributes, comments, CDATA sections and entity references, together. */
  static final int MAX_NODES = 200_000;

  private DocumentLimits() {}

  /**
   * Throws TOO_LARGE when {@code xml} passes a limit. Broken XML is left for the parser to
   * report: it stops at the same place, before anything this pass did not measure.
   */
  static void checkXml(Reader xml) throws FeedException {
    XMLStreamReader r = null;
    try {
      r = streaming().createXMLStreamReader(xml);
      int depth = 0;
      long nodes = 0;
      while (r.hasNext()) {
        switch (r.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            nodes += 1 + r.getAttributeCount() + r.getNamespaceCount();
            if (++depth > MAX_DEPTH) {
              throw tooLarge("elements nested more than " + MAX_DEPTH + " deep");
            }
          }
          case XMLStreamConstants.END_ELEMENT -> depth--;
          case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION,
              XMLStreamConstants.CDATA, XMLStreamConstants.ENTITY_REFERENCE -> nodes++;
          default -> { }
        }
        if (nodes > MAX_NODES) {
          throw tooLarge("more than " + MAX_NODES + " elements, attributes and other nodes");
        }
      }
    } catch (XMLStreamException e) {
      // Broken: see above.
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Nothing was held open: the reader is a string's.
        }
      }
    }
  }

  /**
   * Throws TOO_LARGE when a JSON document holds more values than an XML one may hold nodes, twice
   * over (every value of an object has a name): a tree of JSON costs some tens of bytes a value,
   * and ten megabytes of {@code [],} would take hundreds of megabytes.
   */
  static void checkJson(JsonFactory json, byte[] body) throws IOException, FeedException {
    long max = 2L * MAX_NODES;
    try (JsonParser p = json.createParser(body)) {
      long values = 0;
      while (p.nextToken() != null) {
        if (++values > max) {
          throw tooLarge("more than " + max + " JSON values");
        }
      }
    }
  }

  /**
   * A streaming reader's factory that neither reads a DTD nor expands an entity: a DOCTYPE is
   * refused by Rome anyway, and undeclared HTML entities pass as references.
   */
  static XMLInputFactory streaming() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    return factory;
  }

  private static FeedException tooLarge(String why) {
    return new FeedException(FeedException.Kind.TOO_LARGE, "too large: " + why);
  }
}
