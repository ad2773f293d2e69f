package dev.patchbay.model.format;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.NewerFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files of a newer minor version: the fields this version does not know are taken out of the tree
 * (so what remains is read as strictly as a file of this version) and kept as {@link NewerFields};
 * on save they are put back into the written tree where they were.
 *
 * <p>"Knows" is decided by the document's Java types, the same ones Jackson reads with, so a field
 * added to a record is known here without a second list to keep in step.
 */
final class NewerMinor {
  private static final Map<String, String> OWNED_LISTS = Map.of("elements", "element", "links", "link", "notes", "note");

  private final ObjectMapper mapper;
  private final List<NewerFields.Field> found = new ArrayList<>();

  private NewerMinor(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Removes every unknown field from {@code root} and returns them, in file order. */
  static List<NewerFields.Field> strip(ObjectMapper mapper, ObjectNode root) {
    NewerMinor scan = new NewerMinor(mapper);
    scan.object(root, mapper.constructType(TopologyDocument.class), "", "", "");
    return List.copyOf(scan.found);
  }

  private void object(ObjectNode node, JavaType declared, String owner, String path, String where) {
    Optional<JavaType> type = concrete(node, declared);
    if (type.isEmpty()) {
      return; // an unknown kind: the strict read refuses it, naming the kind
    }
    Map<String, JavaType> known = properties(type.get());
    String before = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      String at = where + "/" + pointerWord(name);
      if (!known.containsKey(name)) {
        if (!(Element.class.isAssignableFrom(type.get().getRawClass()) && name.equals("kind"))) {
          found.add(new NewerFields.Field(owner, path, name, before, f.getValue().toString(), at));
          it.remove();
        }
      } else if (owner.isEmpty() && path.isEmpty()) {
        top(name, f.getValue(), known.get(name), at);
      } else {
        value(f.getValue(), known.get(name), owner, path + "/" + pointerWord(name), at);
      }
      before = name;
    }
  }

  /** The top's lists and maps: each element, link, note and layout entry owns what is inside it. */
  private void top(String name, JsonNode value, JavaType type, String at) {
    if (OWNED_LISTS.containsKey(name) && value instanceof ArrayNode items) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof ObjectNode item) {
          object(item, type.getContentType(), OWNED_LISTS.get(name) + ":" + item.path("id").asText(), "", at + "/" + i);
        }
      }
    } else if (name.equals("layout") && value instanceof ObjectNode places) {
      places.fields().forEachRemaining(e -> value(e.getValue(), type.getContentType(), "layout:" + e.getKey(), "",
          at + "/" + pointerWord(e.getKey())));
    } else {
      value(value, type, name.equals("host") ? "host" : "", name.equals("host") ? "" : "/" + pointerWord(name), at);
    }
  }

  private void value(JsonNode value, JavaType type, String owner, String path, String where) {
    if (value instanceof ObjectNode o && type.isMapLikeType()) {
      o.fields().forEachRemaining(e -> value(e.getValue(), type.getContentType(), owner,
          path + "/" + pointerWord(e.getKey()), where + "/" + pointerWord(e.getKey())));
    } else if (value instanceof ObjectNode o) {
      object(o, type, owner, path, where);
    } else if (value instanceof ArrayNode items && type.getContentType() != null) {
      for (int i = 0; i < items.size(); i++) {
        value(items.get(i), type.getContentType(), owner, path + "/" + i, where + "/" + i);
      }
    }
  }

  /** An element's record by its "kind", as the format's type names say. */
  private Optional<JavaType> concrete(ObjectNode node, JavaType declared) {
    if (declared.getRawClass() != Element.class) {
      return Optional.of(declared);
    }
    String kind = node.path("kind").asText();
    for (JsonSubTypes.Type t : Element.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.name().equals(kind)) {
        return Optional.of(mapper.constructType(t.value()));
      }
    }
    return Optional.empty();
  }

  private Map<String, JavaType> properties(JavaType type) {
    BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
    Map<String, JavaType> out = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      out.put(p.getName(), p.getPrimaryType());
    }
    return out;
  }

  /** Puts each kept field back into the tree about to be written; a field whose owner is gone goes with it. */
  static void restore(ObjectMapper mapper, ObjectNode root, NewerFields kept) {
    for (NewerFields.Field f : kept.fields()) {
      JsonNode owner = owner(root, f.owner());
      JsonNode target = owner == null ? null : f.path().isEmpty() ? owner : owner.at(f.path());
      if (target instanceof ObjectNode o && !o.has(f.name())) {
        try {
          insertAfter(o, f.name(), mapper.readTree(f.json()), f.after());
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a kept field's JSON no longer parses: " + f.where(), e);
        }
      }
    }
  }

  private static JsonNode owner(ObjectNode root, String owner) {
    if (owner.isEmpty()) {
      return root;
    }
    if (owner.equals("host")) {
      return root.get("host");
    }
    int colon = owner.indexOf(':');
    String kind = owner.substring(0, colon);
    String id = owner.substring(colon + 1);
    if (kind.equals("layout")) {
      return root.path("layout").get(id);
    }
    String list = OWNED_LISTS.entrySet().stream().filter(e -> e.getValue().equals(kind)).findFirst().orElseThrow().getKey();
    for (JsonNode item : root.path(list)) {
      if (id.equals(item.path("id").asText())) {
        return item;
      }
    }
    return null;
  }

  /** ObjectNode keeps insertion order; rebuilding it is the only way to put a field in the middle. */
  private static void insertAfter(ObjectNode o, String name, JsonNode value, String after) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    o.removeAll();
    if (after == null) {
      o.set(name, value);
    }
    fields.forEach((k, v) -> {
      o.set(k, v);
      if (k.equals(after)) {
        o.set(name, value);
      }
    });
    if (!o.has(name)) {
      o.set(name, value);
    }
  }

  /** A JSON pointer's escaping of one key (RFC 6901). */
  private static String pointerWord(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
