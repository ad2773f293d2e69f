package dev.patchbay.model;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.function.UnaryOperator;

/** Terse edits for tests that inject a pitfall into a sample. */
public final class Edits {
  private Edits() {}

  public static <T extends Element> void change(Topology t, String id, Class<T> type, UnaryOperator<T> edit) {
    t.replace(edit.apply(type.cast(t.element(id).orElseThrow())));
  }

  public static void nic(Topology t, String guestId, String nic, UnaryOperator<Nic> edit) {
    change(t, guestId, Guest.class, g -> g.withNic(edit.apply(g.nic(nic).orElseThrow())));
  }

  public static void address(Topology t, String guestId, String nic, String cidr) {
    nic(t, guestId, nic, n -> n.withIp(new IpConfig(IpConfig.Mode.STATIC, cidr, n.ip().gateway(), n.ip().dns())));
  }

  public static void gateway(Topology t, String guestId, String nic, String gw) {
    nic(t, guestId, nic, n -> n.withIp(new IpConfig(n.ip().mode(), n.ip().address(), gw, n.ip().dns())));
  }

  public static void host(Topology t, UnaryOperator<HostSettings> edit) {
    t.setHost(edit.apply(t.host()));
  }

  public static void link(Topology t, String id, String a, String b) {
    t.connect(new Link(id, Endpoint.parse(a), Endpoint.parse(b)));
  }

  public static void unlink(Topology t, String id) {
    t.disconnect(id);
  }
}
