package dev.patchbay.model.importer;

/**
 * Something in a foreign file that Patchbay cannot make into an element or a link, named so the user
 * sees what is missing: e.g. what "R1", kind "Dynamips c7200 router", why "a vendor router image;
 * Patchbay runs QEMU guests only". Never dropped silently: every one lands in the import's note on
 * the canvas and in a finding.
 *
 * @param what the name or id the file gives it ("R1", "R1:s0/0 - R2:s0/0")
 * @param kind what it is, in the source tool's words ("Dynamips router", "serial link")
 * @param why why it cannot be imported, and what the user can do instead where there is something
 */
public record Skipped(String what, String kind, String why) {
  /** One line for a note or a report: {@code R1 (Dynamips c7200 router): why}. */
  public String line() {
    return what + " (" + kind + "): " + why;
  }
}
