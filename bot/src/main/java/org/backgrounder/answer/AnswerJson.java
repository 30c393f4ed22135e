package org.backgrounder.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an answer (docs: spec/cli.md, "ask --json"): {@code question}, {@code answered},
 * {@code answer}, {@code facts}, {@code citations}, {@code feed_items}; extended with
 * {@code suggestions} (the closest facts when not answered) and, for facts, {@code name} and
 * {@code note}.
 */
public final class AnswerJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnswerJson() {}

  public static ObjectNode toJson(Answer a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("question", a.question());
    o.put("answered", a.answered());
    o.put("answer", a.text());
    ArrayNode facts = o.putArray("facts");
    for (Answer.FactRef f : a.facts()) {
      facts.add(fact(f));
    }
    ArrayNode citations = o.putArray("citations");
    for (Citation c : a.citations()) {
      ObjectNode n = citations.addObject();
      n.put("n", c.n());
      n.put("url", c.url().toString());
      n.put("title", c.title());
      n.put("outlet", c.outlet());
      n.put("published", c.published().orElse(null));
      n.put("kind", c.kind());
      n.put("source_id", c.sourceId().orElse(null));
    }
    ArrayNode items = o.putArray("feed_items");
    for (Answer.ItemRef r : a.items()) {
      ObjectNode n = items.addObject();
      n.put("url", r.item().link().map(Object::toString).orElse(null));
      n.put("title", r.item().displayTitle());
      n.put("outlet", r.item().outlet());
      n.put("published", r.item().published().toString());
      n.put("n", r.citation());
    }
    ArrayNode suggestions = o.putArray("suggestions");
    for (Answer.FactRef f : a.suggestions()) {
      suggestions.add(fact(f));
    }
    return o;
  }

  private static JsonNode fact(Answer.FactRef f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", f.id());
    n.put("story", f.story());
    n.put("name", f.name());
    n.put("text", f.text());
    n.put("date", f.date().map(Object::toString).orElse(null));
    n.put("status", f.status().label());
    n.put("note", f.note().orElse(null));
    return n;
  }

  /** One line of JSON, as {@code ask --json} prints it. */
  public static String line(Answer a) {
    try {
      return MAPPER.writeValueAsString(toJson(a));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an answer always serializes", e);
    }
  }
}
