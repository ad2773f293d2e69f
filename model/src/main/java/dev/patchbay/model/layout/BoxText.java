package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;

/**
 * The words a box shows besides its name: the one fact that matters most of a device, a guest's
 * memory and each NIC's addressing. One definition for the canvas, which draws them, and for
 * {@link TextWidths}, which sizes the box so they fit.
 */
public final class BoxText {
  private BoxText() {}

  /** The second line of a device's box: what the user most needs to see of each kind. */
  public static String detail(Element e) {
    return e.accept(DETAIL);
  }

  /** A guest's memory, at the right of its title. */
  public static String memory(Guest g) {
    return g.memoryMiB() + " MiB";
  }

  /** A NIC's addressing on its row. */
  public static String address(IpConfig ip) {
    return switch (ip.mode()) {
      case STATIC -> ip.address() == null ? "static, no address" : ip.address();
      case DHCP -> "DHCP";
      case NONE -> "not configured";
    };
  }

  private static final Element.Visitor<String> DETAIL = new Element.Visitor<>() {
    public String guest(Guest g) {
      return g.nics().size() + " NIC(s)";
    }

    public String hub(Hub h) {
      return "hubid=" + h.hubId();
    }

    public String tap(Tap t) {
      return orNone(t.address());
    }

    public String bridge(Bridge b) {
      return orNone(b.address());
    }

    public String uplink(Uplink u) {
      return orNone(u.address());
    }

    public String socket(Socket s) {
      return s.transport().fileName() + " :" + s.port();
    }

    public String vdeSwitch(VdeSwitch v) {
      return v.hubMode() ? "vde (hub)" : "vde switch";
    }

    public String userNet(UserNet u) {
      return u.net() + (u.hostfwd().isEmpty() ? "" : " +" + u.hostfwd().size() + " fwd");
    }

    public String lan(Lan l) {
      return l.subnet();
    }

    public String internet(Internet i) {
      return "beyond the LAN";
    }
  };

  private static String orNone(String s) {
    return s == null ? "no address" : s;
  }
}
