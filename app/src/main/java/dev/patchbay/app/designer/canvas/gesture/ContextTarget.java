package dev.patchbay.app.designer.canvas.gesture;

/**
 * What a right-click without a drag was on: the empty canvas, an element (or one of its ports), a
 * wire or a note. The context menu shown is the one for this kind; {@code id} is null on the canvas.
 */
public record ContextTarget(Kind kind, String id) {
  /** The kinds of thing a context menu is offered for. */
  public enum Kind { CANVAS, ELEMENT, WIRE, NOTE }

  public static final ContextTarget CANVAS = new ContextTarget(Kind.CANVAS, null);
}
