package dev.patchbay.model.importer.build;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What every importer (GNS3, containerlab, EVE-NG, libvirt, CORE) builds a lab with, the same way
 * for every format: the host's bridges and uplinks by kernel name (two mentions of br0 are one
 * bridge), a tap of its own for each NIC on a bridge (guest:nicN - tap - bridge, as the bridged-LAN
 * sample), one LAN behind every uplink, an uplink guests join enslaved to a bridge of its own, NAT
 * as forwarding plus masquerade, a loopback socket for two NICs wired straight, names made safe by
 * {@link ForeignNames}, and what was skipped or assumed on the way.
 */
public class LabBuilder {
  /**
   * Sockets made for two NICs wired straight listen on 127.0.0.1 from this port up: unprivileged,
   * and below Linux's ephemeral range (32768-60999), where an outgoing connection could hold one.
   */
  public static final int FIRST_SOCKET_PORT = 20001;

  private final Topology topology;
  private final ForeignNames names;
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<String> warnings;
  private final Map<String, String> bridges = new HashMap<>();
  private final Map<String, String> uplinks = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();
  private String lan;
  private int nextSocketPort = FIRST_SOCKET_PORT;

  public LabBuilder(Topology topology) {
    this(topology, new ForeignNames(topology), new ArrayList<>());
  }

  /** A builder that adds to an importer's own names and warnings (one that also builds more than the host side). */
  public LabBuilder(Topology topology, ForeignNames names, List<String> warnings) {
    this.topology = topology;
    this.names = names;
    this.warnings = warnings;
  }

  public Topology topology() {
    return topology;
  }

  public ForeignNames names() {
    return names;
  }

  public void skip(Skipped s) {
    skipped.add(s);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  /** Warnings so far, renames included; the list the value helpers add to. */
  public List<String> warnings() {
    return warnings;
  }

  /** The import's result: the topology, what was skipped, and every warning with the renames last. */
  public Imported result() {
    // Every format: a NIC the file gave no MAC gets its own (libvirt and CORE make one up too).
    ForeignNics.fillMissingMacs(topology, warnings);
    List<String> all = new ArrayList<>(warnings);
    all.addAll(names.warnings());
    return new Imported(topology, skipped, all);
  }

  /** The bridge of that kernel name, made on first use; a later address fills in a missing one. */
  public String bridge(String kernelName, String address) {
    return bridge(kernelName, address, null);
  }

  /** As {@link #bridge(String, String)}, placed where the file placed it when this makes it. */
  public String bridge(String kernelName, String address, Point at) {
    String id = bridges.get(kernelName);
    if (id == null) {
      String name = names.interfaceName(kernelName, "br");
      id = add(new Bridge(names.id(name, "br"), name, address, false), at);
      bridges.put(kernelName, id);
    } else if (address != null && ((Bridge) topology.element(id).orElseThrow()).address() == null) {
      topology.replace(((Bridge) topology.element(id).orElseThrow()).withAddress(address));
    }
    return id;
  }

  /** A tap of its own for one NIC, enslaved to the bridge: guest:nicN - tap - bridge. */
  public String tapOn(String bridgeId, String wantedName) {
    String id = tap(wantedName);
    link(Endpoint.of(id), Endpoint.of(bridgeId));
    return id;
  }

  /** A tap not enslaved to anything (libvirt's type='ethernet'); named tapN when the file names none. */
  public String tap(String wantedName) {
    return tap(wantedName, null);
  }

  /** As {@link #tap(String)}, placed where the file placed it. */
  public String tap(String wantedName, Point at) {
    String name = names.interfaceName(wantedName == null ? freshName("tap") : wantedName, "tap");
    return add(new Tap(names.id(name, "tap"), name, null, null), at);
  }

  /**
   * prefix0, prefix1, ...: the next of this import's own names, counted per prefix so that a file
   * with ten thousand unnamed taps costs ten thousand steps, not a search from 0 for each.
   */
  public String freshName(String prefix) {
    String candidate;
    do {
      candidate = prefix + (counters.merge(prefix, 1, Integer::sum) - 1);
    } while (topology.contains(candidate) || topology.link(candidate).isPresent());
    return candidate;
  }

  /** A fresh element id of the form prefixN. */
  public String freshId(String prefix) {
    return names.id(freshName(prefix), prefix);
  }

  /**
   * A VDE switch (or hub) for the file's switch of that name. Its name names its process and run
   * folder, which the id's rule already makes safe and unique, so the id serves as both: two
   * switches of one name never share a folder. A changed name is a warning.
   */
  public String vdeSwitch(String foreignName, String fallbackId, boolean hub, Point at) {
    String id = names.id(foreignName, fallbackId);
    if (!id.equals(foreignName)) {
      warn(Printable.quoted(foreignName) + " became " + (hub ? "hub" : "switch") + " '" + id + "'");
    }
    return add(new VdeSwitch(id, id, null, hub), at);
  }

  /** The host's interface of that name to the real LAN, linked to one LAN element. */
  public String uplink(String kernelName) {
    return uplink(kernelName, null);
  }

  /** As {@link #uplink(String)}, placed where the file placed it when this makes it. */
  public String uplink(String kernelName, Point at) {
    String id = uplinks.get(kernelName);
    if (id == null) {
      String name = names.interfaceName(kernelName, "eth");
      id = add(new Uplink(names.id(name, "uplink"), name, Uplink.Medium.WIRED, null, null, List.of()), at);
      uplinks.put(kernelName, id);
      if (lan == null) {
        lan = add(new Lan(names.id("lan", "lan"), "LAN", null, null, List.of()));
      }
      link(Endpoint.of(id), Endpoint.of(lan));
    }
    return id;
  }

  /**
   * The uplink of that kernel name enslaved to a bridge of its own ({@code br-NAME}), which guests'
   * taps join to reach the real LAN (GNS3's ubridge, containerlab's macvlan): the bridge's id.
   */
  public String bridgedUplink(String kernelName) {
    String uplink = uplink(kernelName);
    String uplinkName = topology.element(uplink).orElseThrow().name();
    boolean fresh = !bridges.containsKey("br-" + uplinkName);
    String bridge = bridge("br-" + uplinkName, null);
    if (fresh) {
      link(Endpoint.of(uplink), Endpoint.of(bridge));
    }
    return bridge;
  }

  /**
   * Two NICs wired straight (a veth, a GNS3 link between two VMs): a TCP socket on the loopback
   * between their QEMU processes, on the next free port from {@link #FIRST_SOCKET_PORT}; wantedId
   * names it from its port.
   */
  public Socket loopbackSocket(IntFunction<String> wantedId, Endpoint listen, Endpoint connect) {
    int port = nextSocketPort++;
    String id = names.id(wantedId.apply(port), "sock");
    Socket s = new Socket(id, id, Socket.Transport.SOCKET, "127.0.0.1", port, null);
    add(s);
    link(listen, Endpoint.of(id, Socket.LISTEN));
    link(connect, Endpoint.of(id, Socket.CONNECT));
    return s;
  }

  /** Forwarding on, and (source non-null) masquerade of source out of the uplink. */
  public void forward(String source, String uplinkId) {
    HostSettings h = topology.host().withIpForward(true);
    if (source != null) {
      List<HostSettings.Nat> nat = new ArrayList<>(h.nat());
      nat.add(new HostSettings.Nat(source, uplinkId));
      h = h.withNat(nat);
    }
    topology.setHost(h);
  }

  public void link(Endpoint a, Endpoint b) {
    topology.connect(new Link(names.id("l" + topology.links().size(), "l"), a, b));
  }

  public String add(Element e) {
    return add(e, null);
  }

  /** Adds the element where the file placed it (null: laid out when the import finishes). */
  public String add(Element e, Point at) {
    topology.add(e, at);
    return e.id();
  }
}
