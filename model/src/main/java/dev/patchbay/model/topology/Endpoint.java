package dev.patchbay.model.topology;

/**
 * One end of a link: an element, and for elements with named ports (a guest's NIC, a socket's side)
 * the port. Written in files as {@code "g1:nic0"} or {@code "br0"}.
 */
public record Endpoint(String element, String port) implements Comparable<Endpoint> {

  @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
  public static Endpoint parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? new Endpoint(text, null)
        : new Endpoint(text.substring(0, colon), text.substring(colon + 1));
  }

  public static Endpoint of(String element) {
    return new Endpoint(element, null);
  }

  public static Endpoint of(String element, String port) {
    return new Endpoint(element, port);
  }

  @Override
  @com.fasterxml.jackson.annotation.JsonValue
  public String toString() {
    return port == null ? element : element + ":" + port;
  }

  @Override
  public int compareTo(Endpoint o) {
    return toString().compareTo(o.toString());
  }
}
