package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A wire between two endpoints. Links have no direction; {@code a} and {@code b} are just ends. */
@JsonPropertyOrder({"id", "a", "b"})
public record Link(String id, Endpoint a, Endpoint b) {

  /** True if either end is on the element. */
  public boolean touches(String elementId) {
    return a.element().equals(elementId) || b.element().equals(elementId);
  }

  /** The end that is not on the given element (the first end when both are). */
  public Endpoint other(String elementId) {
    return a.element().equals(elementId) ? b : a;
  }

  /** The end on the given element. */
  public Endpoint end(String elementId) {
    return a.element().equals(elementId) ? a : b;
  }
}
