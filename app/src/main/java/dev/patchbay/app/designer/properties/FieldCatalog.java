package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The editable values of each kind of element, in the order the panel shows them. */
public final class FieldCatalog {
  static final String GENERAL = "General";

  private FieldCatalog() {}

  public static List<PropertyField> fieldsOf(Element e) {
    List<PropertyField> out = new ArrayList<>();
    out.add(text(GENERAL, "Name", e.isHostInterface() ? EditorKind.IFNAME : EditorKind.NAME,
        Element::name, (el, v) -> el.withIdentity(el.id(), v)));
    out.addAll(e.accept(KIND_FIELDS));
    return out;
  }

  /** The fields of each kind beyond its name: every kind has its entry, or the designer does not compile. */
  private static final Element.Visitor<List<PropertyField>> KIND_FIELDS = new Element.Visitor<>() {
    public List<PropertyField> guest(Guest g) {
      return GuestFields.of(g);
    }

    public List<PropertyField> hub(Hub h) {
      return List.of(typed(Hub.class, "Hub id (hubid=)", EditorKind.INT, x -> String.valueOf(x.hubId()),
          (x, v) -> new Hub(x.id(), x.name(), Integer.parseInt(v))));
    }

    public List<PropertyField> tap(Tap t) {
      return List.of(typed(Tap.class, "Address", EditorKind.CIDR_OPTIONAL, Tap::address,
          (x, v) -> new Tap(x.id(), x.name(), v, x.owner())));
    }

    public List<PropertyField> bridge(Bridge b) {
      return List.of(typed(Bridge.class, "Address", EditorKind.CIDR_OPTIONAL, Bridge::address, Bridge::withAddress),
          flag(Bridge.class, "Spanning tree (STP)", Bridge::stp, Bridge::withStp));
    }

    public List<PropertyField> uplink(Uplink u) {
      return FieldCatalog.uplink();
    }

    public List<PropertyField> socket(Socket s) {
      return FieldCatalog.socket();
    }

    public List<PropertyField> vdeSwitch(VdeSwitch s) {
      // Empty is the default: a folder of the lab's own under /run/patchbay, never a guessable /tmp name.
      return List.of(typed(VdeSwitch.class, "Control socket", EditorKind.TEXT, VdeSwitch::socketPath,
          (x, v) -> new VdeSwitch(x.id(), x.name(), v, x.hubMode())),
          flag(VdeSwitch.class, "Hub mode (-hub)", VdeSwitch::hubMode,
              (x, v) -> new VdeSwitch(x.id(), x.name(), x.socketPath(), v)));
    }

    public List<PropertyField> userNet(UserNet u) {
      return UserNetFields.of();
    }

    public List<PropertyField> lan(Lan l) {
      return List.of(typed(Lan.class, "Subnet", EditorKind.CIDR, Lan::subnet,
          (x, v) -> new Lan(x.id(), x.name(), v, x.gateway(), x.routes())),
          typed(Lan.class, "Gateway", EditorKind.ADDRESS_OPTIONAL, Lan::gateway,
              (x, v) -> new Lan(x.id(), x.name(), x.subnet(), v, x.routes())));
    }

    public List<PropertyField> internet(Internet i) {
      return List.of();
    }
  };

  private static List<PropertyField> uplink() {
    return List.of(
        choice(Uplink.class, "Medium", List.of("wired", "wireless"), u -> u.medium().fileName(),
            (u, v) -> new Uplink(u.id(), u.name(), Uplink.Medium.fromFile(v), u.address(), u.gateway(), u.dns())),
        typed(Uplink.class, "Address", EditorKind.CIDR_OPTIONAL, Uplink::address, Uplink::withAddress),
        typed(Uplink.class, "Gateway", EditorKind.ADDRESS_OPTIONAL, Uplink::gateway,
            (u, v) -> new Uplink(u.id(), u.name(), u.medium(), u.address(), v, u.dns())),
        typed(Uplink.class, "DNS", EditorKind.ADDRESS_LIST, u -> String.join(", ", u.dns()),
            (u, v) -> new Uplink(u.id(), u.name(), u.medium(), u.address(), u.gateway(), Lists.addresses(v))));
  }

  private static List<PropertyField> socket() {
    return List.of(
        choice(Socket.class, "Transport", List.of("socket", "mcast", "stream", "dgram"),
            s -> s.transport().fileName(),
            (s, v) -> new Socket(s.id(), s.name(), Socket.Transport.fromFile(v), s.host(), s.port(), s.peerPort())),
        typed(Socket.class, "Address", EditorKind.ADDRESS_OPTIONAL, Socket::host,
            (s, v) -> new Socket(s.id(), s.name(), s.transport(), v, s.port(), s.peerPort())),
        typed(Socket.class, "Port", EditorKind.INT, s -> String.valueOf(s.port()),
            (s, v) -> s.withPort(Integer.parseInt(v))),
        typed(Socket.class, "Peer port (dgram)", EditorKind.INT_OPTIONAL,
            s -> s.peerPort() == null ? null : String.valueOf(s.peerPort()),
            (s, v) -> new Socket(s.id(), s.name(), s.transport(), s.host(), s.port(),
                v == null ? null : Integer.valueOf(v))));
  }

  static PropertyField text(String category, String name, EditorKind kind, Function<Element, String> get,
      BiFunction<Element, String, Element> set) {
    return new PropertyField(category, name, kind, List.of(), get::apply,
        (el, v) -> set.apply(el, Lists.blankToNull((String) v)));
  }

  static <E extends Element> PropertyField typed(Class<E> type, String name, EditorKind kind,
      Function<E, String> get, BiFunction<E, String, E> set) {
    return new PropertyField(GENERAL, name, kind, List.of(), el -> get.apply(type.cast(el)),
        (el, v) -> set.apply(type.cast(el), Lists.blankToNull((String) v)));
  }

  static <E extends Element> PropertyField flag(Class<E> type, String name, Function<E, Boolean> get,
      BiFunction<E, Boolean, E> set) {
    return new PropertyField(GENERAL, name, EditorKind.BOOL, List.of(), el -> get.apply(type.cast(el)),
        (el, v) -> set.apply(type.cast(el), (Boolean) v));
  }

  static <E extends Element> PropertyField choice(Class<E> type, String name, List<String> choices,
      Function<E, String> get, BiFunction<E, String, E> set) {
    return new PropertyField(GENERAL, name, EditorKind.CHOICE, choices, el -> get.apply(type.cast(el)),
        (el, v) -> set.apply(type.cast(el), (String) v));
  }
}
