package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;

/**
 * Every element but a guest: a box with the kind's icon, the name and the one fact that matters
 * most (an address, a subnet, a hub id). Links attach to the box's centre; a point-to-point socket
 * has its two sides as ports left and right.
 */
public final class DeviceNodeView extends NodeView {
  public DeviceNodeView(Element element) {
    super(element);
    update(element);
  }

  @Override
  protected void build(Element e) {
    double w = NodeGeometry.DEVICE_WIDTH;
    double h = NodeGeometry.DEVICE_HEIGHT;
    setPrefSize(w, h);
    Rectangle box = box(w, h);
    Group icon = Icons.node(e.kind(), 26);
    icon.relocate(9, (h - 26) / 2);
    Label name = new Label(e.name());
    name.getStyleClass().add("name");
    name.relocate(42, 9);
    name.setMaxWidth(w - 46);
    Label detail = new Label(detail(e));
    detail.getStyleClass().add("detail");
    detail.relocate(42, 29);
    detail.setMaxWidth(w - 44);
    getChildren().addAll(box, icon, name, detail);
    if (e instanceof Uplink u && u.medium() == Uplink.Medium.WIRELESS) {
      Label wifi = new Label("wifi");
      wifi.getStyleClass().add("tag");
      wifi.relocate(w - 34, 6);
      getChildren().add(wifi);
    }
    if (e instanceof Socket s && s.transport().pointToPoint()) {
      for (String side : s.sides()) {
        Geometry.Port p = Geometry.namedPort(e, side);
        addPort(new PortView(Endpoint.of(e.id(), side)), p.x(), p.y());
      }
    } else {
      Geometry.Port p = Geometry.east(e);
      addPort(new PortView(Endpoint.of(e.id())), p.x(), p.y());
    }
  }

  /** Lines meet at the centre (the box hides their ends) except at a socket's sides. */
  @Override
  public Point2D anchor(Endpoint end) {
    if (end.port() != null) {
      return super.anchor(end);
    }
    return new Point2D(drawnX() + getPrefWidth() / 2, drawnY() + getPrefHeight() / 2);
  }

  /** The second line of a device's box: what the user most needs to see of each kind. */
  static String detail(Element e) {
    return e.accept(DETAIL);
  }

  private static final Element.Visitor<String> DETAIL = new Element.Visitor<>() {
    public String guest(Guest g) {
      return g.nics().size() + " NIC(s)";
    }

    public String hub(Hub h) {
      return "hubid=" + h.hubId();
    }

    public String tap(Tap t) {
      return t.address() == null ? "no address" : t.address();
    }

    public String bridge(Bridge b) {
      return orDash(b.address());
    }

    public String uplink(Uplink u) {
      return orDash(u.address());
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

  private static String orDash(String s) {
    return s == null ? "no address" : s;
  }
}
