package dev.patchbay.backends.apply;

import dev.patchbay.model.net.LabName;

/**
 * How Patchbay marks what it makes for a lab: the alias "patchbay:LAB" on every link and the lab's
 * own link group, so teardown can find (and only find) the lab's objects, and delete them in bulk.
 */
public record Marker(String lab, int group) {
  public static final String PREFIX = "patchbay:";

  public static Marker of(String lab) {
    return new Marker(LabName.checked(lab), groupOf(lab));
  }

  public String alias() {
    return PREFIX + lab;
  }

  /** A group derived from the name: never 0 (every link's default group), below 2^31. */
  static int groupOf(String lab) {
    int g = (lab.hashCode() & 0x7fffffff) % 0x7ffffff0;
    return g + 16;
  }
}
