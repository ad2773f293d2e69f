package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the files of one import build together: the topology, the host's bridges and uplinks by
 * kernel name (a network's bridge and a domain's {@code <source bridge>} of the same name are one
 * bridge), the networks by name, and what was skipped or assumed.
 */
final class LibvirtLab {
  final Topology topology;
  final ForeignNames names;
  final List<Skipped> skipped = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Map<String, LibvirtNetwork> networks = new HashMap<>();
  private final Map<String, String> bridges = new HashMap<>();
  private final Map<String, String> uplinks = new HashMap<>();
  private String lan;

  LibvirtLab(Topology topology) {
    this.topology = topology;
    this.names = new ForeignNames(topology);
  }

  /** The bridge of that kernel name, made on first use; a later address fills in a missing one. */
  String bridge(String kernelName, String address) {
    String id = bridges.get(kernelName);
    if (id == null) {
      String name = names.interfaceName(kernelName, "br");
      id = add(new Bridge(names.id(name, "br"), name, address, false));
      bridges.put(kernelName, id);
    } else if (address != null && ((Bridge) topology.element(id).orElseThrow()).address() == null) {
      topology.replace(((Bridge) topology.element(id).orElseThrow()).withAddress(address));
    }
    return id;
  }

  /** A tap of its own for one NIC, enslaved to the bridge: guest:nicN - tap - bridge. */
  String tapOn(String bridgeId, String wantedName) {
    String id = tap(wantedName);
    link(Endpoint.of(id), Endpoint.of(bridgeId));
    return id;
  }

  /** A tap not enslaved to anything (libvirt's type='ethernet'). */
  String tap(String wantedName) {
    String name = names.interfaceName(wantedName == null ? topology.freshName("tap") : wantedName, "tap");
    return add(new Tap(names.id(name, "tap"), name, null, null));
  }

  /** The host's interface of that name to the real LAN, linked to one LAN element. */
  String uplink(String kernelName) {
    String id = uplinks.get(kernelName);
    if (id == null) {
      String name = names.interfaceName(kernelName, "eth");
      id = add(new Uplink(names.id(name, "uplink"), name, Uplink.Medium.WIRED, null, null, List.of()));
      uplinks.put(kernelName, id);
      if (lan == null) {
        lan = add(new Lan(names.id("lan", "lan"), "LAN", null, null, List.of()));
      }
      link(Endpoint.of(id), Endpoint.of(lan));
    }
    return id;
  }

  /** Forwarding on, and (source non-null) masquerade of source out of the uplink. */
  void forward(String source, String uplinkId) {
    HostSettings h = topology.host().withIpForward(true);
    if (source != null) {
      List<HostSettings.Nat> nat = new ArrayList<>(h.nat());
      nat.add(new HostSettings.Nat(source, uplinkId));
      h = h.withNat(nat);
    }
    topology.setHost(h);
  }

  void link(Endpoint a, Endpoint b) {
    topology.connect(new Link(names.id("l" + topology.links().size(), "l"), a, b));
  }

  String add(Element e) {
    topology.add(e, null);
    return e.id();
  }
}
