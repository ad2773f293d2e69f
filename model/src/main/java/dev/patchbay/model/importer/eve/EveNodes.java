package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.xml.XmlNodes;
import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.eve.EveNetworks.Target;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An EVE-NG lab's nodes. A qemu node of a plain-OS template (linux, win, winserver) is a guest whose
 * disk is EVE-NG's base image of it; every other node (vendor templates, dynamips, iol, vpcs,
 * docker) is skipped with its links. Serial links are skipped once per pair of interfaces.
 */
final class EveNodes {
  /** EVE-NG qemu templates of plain operating systems; the rest are vendor appliances. */
  static final Set<String> GUEST_TEMPLATES = Set.of("linux", "win", "winserver");
  /** Where EVE-NG keeps qemu images: one folder per image, named TEMPLATE-VERSION. */
  static final String IMAGES = "/opt/unetlab/addons/qemu/";
  private static final Pattern OLD_PC = Pattern.compile("pc-(i440fx-)?[01]\\.[0-9]+");
  private static final Pattern IMAGE_FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

  private final LabBuilder builder;
  private final ForeignNames names;
  private final EveValues values;
  private final EveNetworks networks;
  private final List<String> warnings;
  private final Set<String> serialLinks = new HashSet<>();

  EveNodes(LabBuilder builder, EveValues values, EveNetworks networks) {
    this.builder = builder;
    this.names = builder.names();
    this.values = values;
    this.networks = networks;
    this.warnings = builder.warnings();
  }

  void read(JsonNode lab) {
    List<JsonNode> nodes = XmlNodes.elements(lab.path("topology").path("nodes"), "node");
    for (JsonNode n : nodes) {
      int id = values.number(n, "id", "<node>", 1, 1_000_000);
      String name = Optional.ofNullable(values.text(n, "name", "node id=" + id)).orElse("node" + id);
      String place = "node id=" + id + " (" + Printable.line(name) + ")";
      String type = Optional.ofNullable(values.text(n, "type", place)).orElse("");
      String template = Optional.ofNullable(values.text(n, "template", place)).orElse("");
      if (type.equals("qemu") && GUEST_TEMPLATES.contains(template)) {
        guest(n, id, name, place);
      } else {
        builder.skip(new Skipped(Printable.line(name), kind(type, template), why(type)));
        ethernets(n, place).forEach(i -> builder.skip(new Skipped("link " + end(name, i, place) + " - "
            + networkName(i, place), "EVE-NG link", "it ends on a skipped node")));
      }
      serials(n, name, nodes, place);
    }
  }

  private void guest(JsonNode n, int nodeId, String name, String place) {
    String id = names.id(name, "guest");
    String where = values.file() + ": " + place;
    NicModel model = ForeignNics.model(values.text(n, "qemu_nic", place), where, warnings);
    Optional<Mac> firstMac = ForeignNics.mac(values.text(n, "firstmac", place), where, warnings,
        "each NIC gets one of its own");
    List<Nic> nics = new ArrayList<>();
    List<Runnable> wires = new ArrayList<>();
    for (JsonNode i : ethernets(n, place)) {
      int ifId = values.number(i, "id", place + ", <interface>", 0, 1023);
      Target target = target(i, place);
      if (target.skipped()) {
        builder.skip(new Skipped("link " + end(name, i, place) + " - " + Printable.line(target.name()), "EVE-NG link",
            "it ends on a skipped network"));
        continue;
      }
      String nic = "nic" + ifId;
      nics.add(new Nic(nic, model, firstMac.map(m -> ForeignNics.nth(m, ifId).toString()).orElse(null), null));
      wires.add(() -> wire(Endpoint.of(id, nic), target, nodeId, ifId));
    }
    String arch = ForeignNics.arch(values.text(n, "qemu_arch", place), where, warnings);
    String machine = ForeignNics.machine(machine(values.text(n, "qemu_options", place), where), where, warnings);
    int ram = n.has("ram") ? values.number(n, "ram", place, 1, 1024 * 1024) : 1024;
    builder.add(new Guest(id, names.processName(name, id), arch, machine, ram, disk(n, name, place), nics),
        values.position(n, place));
    wires.forEach(Runnable::run);
  }

  /** EVE-NG's base image of the node; the lab's own copy lives in EVE-NG's per-lab folder and is not named. */
  private String disk(JsonNode n, String name, String place) {
    String image = values.text(n, "image", place);
    if (image == null || !IMAGE_FOLDER.matcher(image).matches()) {
      warnings.add(Printable.line(name) + ": image " + Printable.quoted(image) + " is not an EVE-NG image folder"
          + " name; no disk set (Patchbay boots its probe guest)");
      return null;
    }
    String disk = IMAGES + image + "/hda.qcow2";
    warnings.add(Printable.line(name) + ": disk " + disk + " is EVE-NG's base image on the EVE-NG host; relink it"
        + " to a copy on this machine");
    return disk;
  }

  private void wire(Endpoint nic, Target target, int nodeId, int ifId) {
    if (!target.needsTap()) {
      builder.link(nic, Endpoint.of(target.element()));
      return;
    }
    // EVE-NG names a node's taps vunlTENANT_NODE_INTERFACE; the same name keeps the host's view familiar.
    builder.link(nic, Endpoint.of(builder.tapOn(target.element(), "vunl0_" + nodeId + "_" + ifId)));
  }

  private Target target(JsonNode i, String place) {
    int net = values.number(i, "network_id", place + ", <interface>", 1, 1_000_000);
    return networks.get(net).orElseThrow(() -> values.error(place, "an interface names network_id=" + net
        + ", which <networks> does not define"));
  }

  private List<JsonNode> ethernets(JsonNode n, String place) {
    return XmlNodes.elements(n, "interface").stream()
        .filter(i -> !"serial".equals(values.text(i, "type", place)) && i.has("network_id"))
        // network_id 0 is EVE-NG's "connected to nothing"; EVE-NG itself leaves such interfaces out.
        .filter(i -> !"0".equals(String.valueOf(values.text(i, "network_id", place)).strip())).toList();
  }

  private String end(String node, JsonNode i, String place) {
    String ifName = Optional.ofNullable(values.text(i, "name", place)).orElseGet(() -> values.text(i, "id", place));
    return Printable.line(node + ":" + ifName);
  }

  private String networkName(JsonNode i, String place) {
    return Printable.line(target(i, place).name());
  }

  /** Each serial link once, though both of its nodes list it. */
  private void serials(JsonNode n, String name, List<JsonNode> nodes, String place) {
    int id = values.number(n, "id", place, 1, 1_000_000);
    for (JsonNode i : XmlNodes.elements(n, "interface")) {
      if (!"serial".equals(values.text(i, "type", place))) {
        continue;
      }
      int ifId = values.number(i, "id", place + ", <interface>", 0, 1023);
      int remote = values.number(i, "remote_id", place + ", serial <interface>", 1, 1_000_000);
      int remoteIf = values.number(i, "remote_if", place + ", serial <interface>", 0, 1023);
      String key = Math.min(id, remote) + "/" + (id < remote ? ifId : remoteIf) + "-" + Math.max(id, remote) + "/"
          + (id < remote ? remoteIf : ifId);
      if (serialLinks.add(key)) {
        builder.skip(new Skipped("link " + end(name, i, place) + " - " + remoteEnd(nodes, remote, remoteIf),
            "EVE-NG serial link", "Patchbay links are Ethernet; QEMU guests have no serial WAN cards"));
      }
    }
  }

  private String remoteEnd(List<JsonNode> nodes, int remote, int remoteIf) {
    for (JsonNode n : nodes) {
      if (String.valueOf(remote).equals(n.path("id").asText())) {
        for (JsonNode i : XmlNodes.elements(n, "interface")) {
          if (String.valueOf(remoteIf).equals(i.path("id").asText()) && i.path("name").isValueNode()) {
            return Printable.line(n.path("name").asText() + ":" + i.path("name").asText());
          }
        }
        return Printable.line(n.path("name").asText() + ":" + remoteIf);
      }
    }
    return "node " + remote + ":" + remoteIf;
  }

  private static String kind(String type, String template) {
    return "EVE-NG " + Printable.line(type) + " node" + (template.isEmpty() ? "" : " (template "
        + Printable.line(template) + ")");
  }

  private static String why(String type) {
    return switch (type) {
      case "qemu" -> "a vendor appliance image; Patchbay runs plain QEMU guests only (templates linux, win, winserver)";
      case "dynamips" -> "a Dynamips-emulated Cisco router; Patchbay runs QEMU guests only";
      case "iol" -> "Cisco IOL (IOS on Linux); Patchbay runs QEMU guests only";
      case "vpcs" -> "a VPCS virtual PC; use a guest (the probe guest needs no disk) instead";
      case "docker" -> "a Docker container; use a guest (the probe guest needs no disk) instead";
      default -> "a node type Patchbay does not know; it maps qemu nodes of templates linux, win and winserver";
    };
  }

  /**
   * The machine type in qemu_options' -machine/-M (type=pc-1.0,accel=kvm or pc,accel=kvm), if any.
   * EVE-NG's templates ask for pc-1.0, a versioned type today's QEMU no longer has: pc stands in.
   */
  private String machine(String options, String where) {
    String type = machineIn(options);
    if (type != null && OLD_PC.matcher(type).matches()) {
      warnings.add(where + ": machine type " + Printable.quoted(type) + " is gone from, or deprecated in, today's"
          + " QEMU (7.2 has no pc-1.0 to pc-1.3); pc stands in");
      return "pc";
    }
    return type;
  }

  static String machineIn(String options) {
    if (options == null) {
      return null;
    }
    String[] words = options.trim().split("\\s+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equals("-machine") || words[i].equals("--machine") || words[i].equals("-M")) {
        for (String part : words[i + 1].split(",")) {
          if (part.startsWith("type=")) {
            return part.substring(5);
          }
        }
        String first = words[i + 1].split(",")[0];
        return first.contains("=") ? null : first;
      }
    }
    return null;
  }

}
