package dev.patchbay.model.topology;

/** What an endpoint is, for deciding what it may be wired to. */
public enum PortRole {
  NIC("NIC"),
  HUB("hub"),
  TAP("tap"),
  BRIDGE("bridge"),
  UPLINK("uplink"),
  SOCKET_SIDE("socket end"),
  MCAST("multicast socket"),
  VDE("VDE switch"),
  USER("user net"),
  LAN("LAN"),
  INTERNET("Internet");

  private final String words;

  PortRole(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }
}
