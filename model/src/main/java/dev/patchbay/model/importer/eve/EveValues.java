package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ForeignPositions;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Point;
import java.util.List;
import java.util.Optional;

/** Attributes of an EVE-NG lab's elements, each checked where it is read, with the place in messages. */
final class EveValues {
  private final String file;
  private final List<String> warnings;

  EveValues(String file, List<String> warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  String file() {
    return file;
  }

  /** An attribute's text, or null when absent; an element where an attribute belongs is an error. */
  String text(JsonNode element, String attribute, String place) {
    JsonNode n = element.get(attribute);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw error(place, "'" + attribute + "' is not a plain attribute value");
    }
    return n.asText();
  }

  int number(JsonNode element, String attribute, String place, int min, int max) {
    String t = text(element, attribute, place);
    try {
      int v = Integer.parseInt(t == null ? "" : t.strip());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(place, attribute + "=" + Printable.quoted(t) + " is not a number from " + min + " to " + max);
  }

  /** left/top on EVE-NG's canvas (pixels); a position written in another way is dropped with a warning. */
  Point position(JsonNode element, String place) {
    String left = text(element, "left", place);
    String top = text(element, "top", place);
    if (left == null || top == null) {
      return null;
    }
    Optional<Point> at = ForeignPositions.point(left, top);
    if (at.isPresent()) {
      return at.get();
    }
    warnings.add(file + ": " + place + ": left=" + Printable.quoted(left) + " top=" + Printable.quoted(top)
        + " is not a position in pixels; laid out automatically");
    return null;
  }

  ImportException error(String place, String what) {
    return new ImportException(file + ": " + place + ": " + what);
  }
}
