package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.xml.XmlNodes;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An EVE-NG lab's networks. A "bridge" network is a switch inside the lab, a VDE switch here; a
 * cloud "pnetN" is EVE-NG's host bridge of that name, a Linux bridge here (pnet0 holds the EVE-NG
 * host's eth0, so it also gets the uplink eth0 and the LAN behind it). Other types are skipped.
 */
final class EveNetworks {
  private static final Pattern PNET = Pattern.compile("pnet[0-9]");

  /** What an interface on the network is wired to: a VDE switch, a bridge (through a tap), or nothing. */
  record Target(String element, boolean needsTap, String name) {
    boolean skipped() {
      return element == null;
    }
  }

  private final LabBuilder builder;
  private final EveValues values;
  private final Map<Integer, Target> byId = new HashMap<>();
  private final Map<String, String> pnets = new HashMap<>();

  EveNetworks(LabBuilder builder, EveValues values) {
    this.builder = builder;
    this.values = values;
  }

  void read(JsonNode lab) {
    for (JsonNode n : XmlNodes.elements(lab.path("topology").path("networks"), "network")) {
      int id = values.number(n, "id", "<network>", 1, 1_000_000);
      String place = "network id=" + id;
      String type = Optional.ofNullable(values.text(n, "type", place)).orElse("");
      String name = Optional.ofNullable(values.text(n, "name", place)).filter(s -> !s.isBlank()).orElse("Net" + id);
      if (byId.containsKey(id)) {
        throw values.error(place, "two networks have id " + id);
      }
      byId.put(id, target(n, id, type, name, place));
    }
  }

  Optional<Target> get(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  private Target target(JsonNode n, int id, String type, String name, String place) {
    if (type.equals("bridge")) {
      String vde = builder.vdeSwitch(name, "net" + id, false, values.position(n, place));
      return new Target(vde, false, name);
    }
    if (PNET.matcher(type).matches()) {
      boolean first = !pnets.containsKey(type);
      String bridge = pnets.computeIfAbsent(type, t -> pnet(t, n, place));
      if (first && !type.equals("pnet0")) {
        builder.warn(Printable.quoted(name) + " is EVE-NG's cloud " + type + ", its host bridge of that name: imported"
            + " as the bridge " + type + " with nothing else on it; on an EVE-NG host " + type
            + " may hold a host NIC (add an uplink if yours does)");
      }
      return new Target(bridge, true, name);
    }
    builder.skip(new Skipped(Printable.line(name), "EVE-NG network of type " + Printable.line(type), whyNot(type)));
    return new Target(null, false, name);
  }

  private String pnet(String type, JsonNode n, String place) {
    String id = builder.bridge(type, null, values.position(n, place));
    if (type.equals("pnet0")) {
      builder.link(Endpoint.of(builder.uplink("eth0")), Endpoint.of(id));
      builder.warn("pnet0 (EVE-NG's management cloud) holds the EVE-NG host's eth0: imported as the bridge pnet0"
          + " with the uplink eth0 and the LAN; rename the uplink to this host's LAN interface");
    }
    return id;
  }

  private static String whyNot(String type) {
    if (type.equals("ovs")) {
      return "an Open vSwitch network; Patchbay draws Linux bridges and VDE switches: use a VDE switch instead";
    }
    if (type.startsWith("nat")) {
      return "EVE-NG's NAT cloud; draw a bridge with host NAT (as the NAT-bridge sample) or a user net instead";
    }
    return "a network type Patchbay does not map (it maps bridge and pnet0 to pnet9)";
  }
}
