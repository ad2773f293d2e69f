package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;

/** What a reader must find in an element's box: every address and MAC the file gives it. */
final class DiagramExpectations {
  private DiagramExpectations() {}

  static List<String> labels(Element e) {
    List<String> out = new ArrayList<>();
    if (e instanceof Guest g) {
      for (Nic n : g.nics()) {
        out.add(n.name());
        add(out, n.mac());
        add(out, n.ip().address());
      }
    } else if (e instanceof Tap t) {
      add(out, t.address());
    } else if (e instanceof Bridge b) {
      add(out, b.address());
    } else if (e instanceof Uplink u) {
      add(out, u.address());
      add(out, u.gateway());
    } else if (e instanceof Lan l) {
      add(out, l.subnet());
      add(out, l.gateway());
    } else if (e instanceof Socket s) {
      add(out, s.host());
    } else if (e instanceof UserNet u) {
      add(out, u.net());
      add(out, u.host());
      add(out, u.dns());
      add(out, u.dhcpStart());
    }
    return out;
  }

  private static void add(List<String> out, String value) {
    if (value != null && !value.isBlank()) {
      out.add(value);
    }
  }
}
