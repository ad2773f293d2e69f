package dev.patchbay.model.topology;

/** The kinds of element, with the word users use for each and the id prefix new ones get. */
public enum ElementKind {
  GUEST("guest", "Guest", "g"),
  HUB("hub", "Hub (QEMU vlan)", "hub"),
  TAP("tap", "Tap", "tap"),
  BRIDGE("bridge", "Bridge", "br"),
  UPLINK("uplink", "Host uplink", "eth"),
  SOCKET("socket", "Socket link", "sock"),
  VDE("vde", "VDE switch", "vde"),
  USER("user", "User net (slirp)", "user"),
  LAN("lan", "LAN", "lan"),
  INTERNET("internet", "Internet", "inet");

  private final String fileName;
  private final String label;
  private final String idPrefix;

  ElementKind(String fileName, String label, String idPrefix) {
    this.fileName = fileName;
    this.label = label;
    this.idPrefix = idPrefix;
  }

  /** The value of "kind" in the file. */
  public String fileName() {
    return fileName;
  }

  public String label() {
    return label;
  }

  public String idPrefix() {
    return idPrefix;
  }

  public boolean isHostInterface() {
    return this == TAP || this == BRIDGE || this == UPLINK;
  }
}
