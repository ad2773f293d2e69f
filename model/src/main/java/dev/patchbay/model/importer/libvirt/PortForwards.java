package dev.patchbay.model.importer.libvirt;

import static dev.patchbay.model.importer.xml.XmlNodes.all;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.HostForward;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user interface's {@code <portForward proto address><range start end to exclude/></portForward>}
 * (formatdomain.html, "Userspace connection") as user-net host forwards: host port start..end to
 * guest port to.. (the same port without {@code to}), less the excluded ranges.
 */
final class PortForwards {
  /** A range wider than this is not expanded into one forward per port (a file could ask for 65,535). */
  static final int MAX_RANGE = 64;

  private PortForwards() {}

  static List<HostForward> read(JsonNode iface, String where, List<String> warnings) {
    List<HostForward> out = new ArrayList<>();
    for (JsonNode pf : all(iface, "portForward")) {
      String proto = value(pf, "proto").orElse("tcp");
      if (!proto.equals("tcp") && !proto.equals("udp")) {
        throw new ImportException(where + ": portForward proto " + Printable.quoted(proto) + " is not tcp or udp");
      }
      String address = value(pf, "address").orElse(null);
      if (address != null && Ipv4.parse(address).isEmpty()) {
        warnings.add(where + ": portForward on " + Printable.quoted(address) + " not drawn (IPv4 only)");
        continue;
      }
      Map<Integer, Integer> ports = new LinkedHashMap<>();
      for (JsonNode r : all(pf, "range")) {
        range(r, ports, where, warnings);
      }
      HostForward.Protocol p = proto.equals("udp") ? HostForward.Protocol.UDP : HostForward.Protocol.TCP;
      ports.forEach((host, guest) -> out.add(new HostForward(p, address, host, null, guest)));
    }
    return out;
  }

  private static void range(JsonNode r, Map<Integer, Integer> ports, String where, List<String> warnings) {
    int start = LibvirtValues.port(value(r, "start").orElse(null), where + ", portForward range");
    int end = value(r, "end").map(e -> LibvirtValues.port(e, where + ", portForward range")).orElse(start);
    if (end < start || end - start >= MAX_RANGE) {
      warnings.add(where + ": portForward range " + start + "-" + end + " not drawn (at most " + MAX_RANGE
          + " ports, start before end)");
      return;
    }
    boolean exclude = value(r, "exclude").orElse("no").equals("yes");
    int to = value(r, "to").map(t -> LibvirtValues.port(t, where + ", portForward range")).orElse(start);
    for (int port = start; port <= end; port++) {
      if (exclude) {
        ports.remove(port);
      } else if (to + (port - start) <= 65535) {
        ports.put(port, to + (port - start));
      }
    }
  }
}
