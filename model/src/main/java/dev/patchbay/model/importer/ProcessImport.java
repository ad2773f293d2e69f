package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One QEMU command line turned into a guest, its hubs and its wiring. Old {@code -net X,vlan=N}
 * options are what QEMU itself makes of them: backend X on hub N. A vlan holding just one NIC and
 * one backend is drawn as a direct wire, the way {@code -nic} and today's {@code -netdev} say it.
 */
final class ProcessImport {
  private final Topology topology;
  private final Backends backends;
  private final QemuArguments args;
  private final int index;
  private final String guestId;
  private final List<Nic> nics = new ArrayList<>();
  /** Where each NIC is plugged: a netdev id, a vlan number, or a backend endpoint. */
  private final List<Object> plugs = new ArrayList<>();
  private final Map<String, Object> netdevs = new LinkedHashMap<>();
  private final Map<Integer, HubMembers> hubs = new TreeMap<>();
  private final List<String> userNets = new ArrayList<>();
  private final List<String> redirs = new ArrayList<>();
  private String name;
  private String machine = "pc";
  private int memory = 128;
  private String disk;

  /** A hubport netdev: hub number, and the netdev it joins to the hub (or null). */
  private record HubPort(int hubId, String netdev) {}

  private static final class HubMembers {
    final List<Endpoint> nics = new ArrayList<>();
    final List<Endpoint> others = new ArrayList<>();
    boolean explicit;
  }

  ProcessImport(Topology topology, Backends backends, QemuArguments args, int index) {
    this.topology = topology;
    this.backends = backends;
    this.args = args;
    this.index = index;
    this.name = guestName(args, index);
    String wanted = name.replaceAll("[^A-Za-z0-9_-]", "_");
    this.guestId = topology.contains(wanted) ? topology.freshId("g") : wanted;
  }

  /** The guest's name as QEMU would call it: -name, else the disk image's base name, else guestN. */
  static String guestName(QemuArguments args, int index) {
    for (QemuArguments.Option o : args.options()) {
      if (o.name().equals("name")) {
        OptionValue v = OptionValue.parse(o.value());
        return v.get("guest").orElse(v.type());
      }
    }
    String image = diskOption(args).orElse(args.positionals().isEmpty() ? null : args.positionals().get(0));
    if (image != null) {
      String base = image.substring(image.lastIndexOf('/') + 1);
      return base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
    }
    return "guest" + index;
  }

  private static Optional<String> diskOption(QemuArguments args) {
    for (QemuArguments.Option o : args.options()) {
      if (o.name().equals("hda")) {
        return Optional.of(o.value());
      }
      if (o.name().equals("drive")) {
        Optional<String> file = OptionValue.parse(o.value()).get("file");
        if (file.isPresent()) {
          return file;
        }
      }
    }
    return Optional.empty();
  }

  Guest build() {
    boolean networked = false;
    for (QemuArguments.Option o : args.options()) {
      networked |= option(o);
    }
    disk = diskOption(args).orElse(args.positionals().isEmpty() ? null : args.positionals().get(0));
    if (!networked) {
      // QEMU's default when no network option is given: -net nic -net user (the user-net scenario).
      legacyNet(OptionValue.parse("nic"), "implied -net nic");
      legacyNet(OptionValue.parse("user"), "implied -net user");
    }
    Guest guest = new Guest(guestId, name, args.arch(), machine, memory, disk, nics);
    topology.add(guest, null);
    wire();
    applyRedirs();
    return guest;
  }

  /** Reads one option; true if it is about networking. */
  private boolean option(QemuArguments.Option o) {
    String where = "command line " + index + ", -" + o.name() + " " + o.value();
    switch (o.name()) {
      case "net" -> legacyNet(OptionValue.parse(o.value()), where);
      case "netdev" -> netdev(OptionValue.parse(o.value()), where);
      case "device" -> {
        return device(OptionValue.parse(o.value()), where);
      }
      case "nic" -> nicOption(OptionValue.parse(o.value()), where);
      case "redir" -> redirs.add(o.value());
      case "vdesock" -> hub(0).others.add(backends.vde(o.value()));
      case "m" -> memory = memory(o.value(), where);
      case "machine", "M" -> machine = Optional.ofNullable(OptionValue.parse(o.value()).type())
          .orElse(OptionValue.parse(o.value()).get("type").orElse("pc"));
      default -> {
        return false;
      }
    }
    return true;
  }

  private void legacyNet(OptionValue v, String where) {
    if ("none".equals(v.type())) {
      return;
    }
    int vlan = v.get("vlan").map(s -> number(s, where)).orElse(0);
    if ("nic".equals(v.type())) {
      addNic(v.get("model").orElse("e1000"), v.get("macaddr").orElse(null), where);
      plugs.add(v.get("netdev").<Object>map(n -> n).orElse(vlan));
      return;
    }
    Endpoint e = backends.backend(v, where);
    noteUser(e);
    hub(vlan).others.add(e);
  }

  private void netdev(OptionValue v, String where) {
    String id = v.get("id").orElseThrow(() -> new ImportException(where + ": -netdev needs id="));
    if ("hubport".equals(v.type())) {
      int hubId = number(v.get("hubid").orElseThrow(() -> new ImportException(where + ": hubport needs hubid=")), where);
      hub(hubId).explicit = true;
      netdevs.put(id, new HubPort(hubId, v.get("netdev").orElse(null)));
      return;
    }
    Endpoint e = backends.backend(v, where);
    noteUser(e);
    netdevs.put(id, e);
  }

  private boolean device(OptionValue v, String where) {
    NicModel model;
    try {
      model = NicModel.fromQemuName(alias(v.type()));
    } catch (IllegalArgumentException e) {
      if (v.get("netdev").isPresent()) {
        throw new ImportException(where + ": " + e.getMessage());
      }
      return false; // a disk, a USB device, ...: not networking
    }
    addNic(model.qemuName(), v.get("mac").orElse(null), where);
    plugs.add(v.get("netdev").<Object>map(n -> n).orElse(null));
    return true;
  }

  private void nicOption(OptionValue v, String where) {
    if ("none".equals(v.type())) {
      return;
    }
    addNic(v.get("model").orElse("e1000"), v.get("mac").orElse(null), where);
    Endpoint e = backends.backend(v, where);
    noteUser(e);
    plugs.add(e);
  }

  private void addNic(String model, String mac, String where) {
    NicModel m;
    try {
      m = NicModel.fromQemuName(alias(model));
    } catch (IllegalArgumentException e) {
      throw new ImportException(where + ": " + e.getMessage());
    }
    nics.add(new Nic("nic" + nics.size(), m, mac == null ? null : mac.toLowerCase(Locale.ROOT), null));
  }

  /** QEMU's short names for the PCI NICs it emulates on a PC. */
  private static String alias(String model) {
    return switch (model == null ? "" : model) {
      case "virtio-net", "virtio" -> "virtio-net-pci";
      case "ne2k-pci" -> "ne2k_pci";
      default -> model;
    };
  }

  private void noteUser(Endpoint e) {
    if (topology.element(e.element()).filter(UserNet.class::isInstance).isPresent()) {
      userNets.add(e.element());
    }
  }

  private HubMembers hub(int id) {
    return hubs.computeIfAbsent(id, k -> new HubMembers());
  }

  /** Plugs every NIC, joins hub ports, then draws each hub (or the direct wire it stands for). */
  private void wire() {
    for (Object v : netdevs.values()) {
      if (v instanceof HubPort hp && hp.netdev() != null) {
        hub(hp.hubId()).others.add(resolve(hp.netdev(), "hubport of hub " + hp.hubId()));
      }
    }
    for (int i = 0; i < nics.size(); i++) {
      Endpoint nic = Endpoint.of(guestId, nics.get(i).name());
      Object plug = plugs.get(i);
      if (plug instanceof Integer vlan) {
        hub(vlan).nics.add(nic);
      } else if (plug instanceof Endpoint e) {
        connect(nic, e);
      } else if (plug instanceof String netdev && netdevs.get(netdev) instanceof HubPort hp) {
        hub(hp.hubId()).nics.add(nic);
      } else if (plug instanceof String netdev) {
        connect(nic, resolve(netdev, "NIC " + nic));
      }
    }
    hubs.forEach(this::drawHub);
  }

  private Endpoint resolve(String netdev, String who) {
    Object v = netdevs.get(netdev);
    if (v instanceof Endpoint e) {
      return e;
    }
    throw new ImportException("command line " + index + ": " + who + " names netdev '" + netdev
        + "', which no -netdev defines (or which is itself a hubport)");
  }

  private void drawHub(int hubId, HubMembers m) {
    if (!m.explicit && m.nics.size() == 1 && m.others.size() == 1) {
      connect(m.nics.get(0), m.others.get(0));
      return;
    }
    String hubName = topology.elementsOf(Hub.class).anyMatch(h -> h.name().equals("vlan" + hubId))
        ? name + "-vlan" + hubId : "vlan" + hubId;
    String id = topology.contains(hubName) ? topology.freshId("hub") : hubName.replaceAll("[^A-Za-z0-9_-]", "_");
    topology.add(new Hub(id, hubName, hubId), null);
    m.nics.forEach(n -> connect(n, Endpoint.of(id)));
    m.others.forEach(o -> connect(Endpoint.of(id), o));
  }

  private void connect(Endpoint a, Endpoint b) {
    topology.connect(new Link(topology.freshId("l"), a, b));
  }

  private void applyRedirs() {
    if (redirs.isEmpty()) {
      return;
    }
    if (userNets.isEmpty()) {
      throw new ImportException("command line " + index + ": -redir forwards into a user net, but there is no -net user");
    }
    UserNet u = (UserNet) topology.element(userNets.get(0)).orElseThrow();
    List<HostForward> forwards = new ArrayList<>(u.hostfwd());
    redirs.forEach(r -> forwards.add(Forwards.redir(r, "command line " + index + ", -redir " + r)));
    topology.replace(u.withHostfwd(forwards));
  }

  private static int number(String s, String where) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new ImportException(where + ": '" + s + "' is not a number");
    }
  }

  /** -m 384, -m 384M, -m 1G, -m size=512M: MiB. */
  private static int memory(String text, String where) {
    String v = OptionValue.parse(text).get("size").orElse(OptionValue.parse(text).type());
    if (v == null || v.isEmpty()) {
      throw new ImportException(where + ": no memory size");
    }
    char unit = Character.toUpperCase(v.charAt(v.length() - 1));
    String digits = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
    int n = number(digits, where);
    return unit == 'G' ? n * 1024 : unit == 'K' ? Math.max(1, n / 1024) : n;
  }
}
