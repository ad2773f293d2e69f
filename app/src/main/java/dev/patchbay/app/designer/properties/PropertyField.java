package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.Element;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable value of an element: how to read it and how to make the edited copy. The copy is
 * committed as a ReplaceElementCommand, so an edit is one undo step.
 *
 * @param choices the allowed values of a CHOICE field
 */
public record PropertyField(
    String category, String name, EditorKind kind, List<String> choices,
    Function<Element, Object> getter, BiFunction<Element, Object, Element> setter) {

  public PropertyField {
    choices = List.copyOf(choices);
  }

  public Object read(Element e) {
    return getter.apply(e);
  }

  public Element write(Element e, Object value) {
    return setter.apply(e, value);
  }
}
