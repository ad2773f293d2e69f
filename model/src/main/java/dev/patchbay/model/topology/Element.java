package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One thing a user draws: a guest, a hub, a tap, and so on. Elements are immutable values; an edit
 * replaces an element in its {@link Topology} with an edited copy, so undo is a swap back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Guest.class, name = "guest"),
    @JsonSubTypes.Type(value = Hub.class, name = "hub"),
    @JsonSubTypes.Type(value = Tap.class, name = "tap"),
    @JsonSubTypes.Type(value = Bridge.class, name = "bridge"),
    @JsonSubTypes.Type(value = Uplink.class, name = "uplink"),
    @JsonSubTypes.Type(value = Socket.class, name = "socket"),
    @JsonSubTypes.Type(value = VdeSwitch.class, name = "vde"),
    @JsonSubTypes.Type(value = UserNet.class, name = "user"),
    @JsonSubTypes.Type(value = Lan.class, name = "lan"),
    @JsonSubTypes.Type(value = Internet.class, name = "internet"),
})
public sealed interface Element
    permits Guest, Hub, Tap, Bridge, Uplink, Socket, VdeSwitch, UserNet, Lan, Internet {

  /**
   * Does something for each kind of element. A concern that must handle every kind (its property
   * fields, its drawing, its lines in a diagram) implements this, so that a new kind of element fails
   * to compile until each of them handles it.
   */
  interface Visitor<R> {
    R guest(Guest e);

    R hub(Hub e);

    R tap(Tap e);

    R bridge(Bridge e);

    R uplink(Uplink e);

    R socket(Socket e);

    R vdeSwitch(VdeSwitch e);

    R userNet(UserNet e);

    R lan(Lan e);

    R internet(Internet e);
  }

  /** Hands this element to the visitor method of its kind. */
  <R> R accept(Visitor<R> v);

  /** Stable identifier within one file; links, host settings and diagnostics refer to it. */
  String id();

  /** What the user calls it; for host interfaces (tap, bridge, uplink) the kernel's interface name. */
  String name();

  @JsonIgnore
  ElementKind kind();

  /** A copy with another id and name, used by paste and duplicate. */
  Element withIdentity(String id, String name);

  /** True for elements that live in the host's kernel (drawn inside the host box). */
  @JsonIgnore
  default boolean isHostInterface() {
    return kind().isHostInterface();
  }
}
