package dev.patchbay.model.qemu;

import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;

/**
 * A value of the design that a command line will not carry: which element, which field, and why,
 * in a message meant for the user as it is.
 */
public final class RefusedValueException extends IllegalArgumentException {
  private final String elementId;
  private final String field;

  public RefusedValueException(Element element, String field, String problem) {
    super(element.kind().label().replace(" (QEMU vlan)", "").replace(" (slirp)", "").toLowerCase(java.util.Locale.ROOT)
        + " " + Printable.line(element.name()) + " (" + element.id() + "), field " + field + ": " + problem);
    this.elementId = element.id();
    this.field = field;
  }

  public String elementId() {
    return elementId;
  }

  /** The field as the file names it (arch, machine, nics[0].mac, ...). */
  public String field() {
    return field;
  }
}
