package dev.patchbay.model.importer.clab;

import dev.patchbay.model.importer.Skipped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a containerlab node kind becomes in Patchbay. containerlab runs containers, and runs VMs
 * (vrnetlab) inside containers; only plain Linux containers and plain-OS VMs have a Patchbay guest
 * to stand in for them. Vendor network OS images need the vendor's software and are skipped.
 */
enum ClabKind {
  /** kind linux: a container; Patchbay's probe guest (no disk) stands in for it. */
  CONTAINER,
  /** generic_vm, openbsd, freebsd: a QEMU VM packed in a container image. */
  VM,
  /** kind bridge: a Linux bridge in the host, named by the node. */
  BRIDGE,
  /** kind host, and the host: prefix of an endpoint: an interface in the host's namespace. */
  HOST,
  /** everything Patchbay cannot run or draw. */
  SKIPPED;

  private static final Set<String> VMS = Set.of("generic_vm", "vr-generic_vm", "openbsd", "vr-openbsd", "freebsd",
      "vr-freebsd");
  private static final Set<String> VENDOR_PREFIXES = Set.of("vr-", "nokia_", "juniper_", "cisco_", "arista_",
      "fortinet_", "paloalto_", "mikrotik_", "dell_", "ipinfusion_", "checkpoint_", "huawei_", "aruba", "sonic",
      "6wind_", "cumulus_", "keysight_", "srl", "ceos", "crpd", "xrd", "vsrx", "vmx", "vqfx", "csr", "n9kv", "xrv",
      "c8000", "cat9kv", "ftdv", "iol", "veos", "rare", "border0", "openwrt", "vyos", "fdio_", "linux_");

  static ClabKind of(String kind) {
    String k = kind.toLowerCase(Locale.ROOT);
    if (k.equals("linux")) {
      return CONTAINER;
    }
    if (VMS.contains(k)) {
      return VM;
    }
    return k.equals("bridge") ? BRIDGE : k.equals("host") ? HOST : SKIPPED;
  }

  /** Why a node of a skipped kind is not imported, in the user's words. */
  static Skipped skipped(String node, String kind, String type, String image) {
    String k = kind.toLowerCase(Locale.ROOT);
    String what = "containerlab node of kind " + kind + (type == null ? "" : " (type " + type + ")")
        + (image == null ? "" : ", image " + image);
    return new Skipped(node, what, why(k).orElseGet(() -> VENDOR_PREFIXES.stream().anyMatch(k::startsWith)
        ? "a vendor network OS image; Patchbay runs plain QEMU guests only"
        : "a kind Patchbay does not know; Patchbay imports kinds linux, bridge, host, generic_vm, openbsd and"
            + " freebsd"));
  }

  private static Optional<String> why(String k) {
    return switch (k) {
      case "ovs-bridge" -> Optional.of("an Open vSwitch bridge; Patchbay draws Linux bridges and VDE switches:"
          + " use a bridge or a VDE switch instead");
      case "ext-container" -> Optional.of("a container started outside the lab; Patchbay runs QEMU guests only");
      case "k8s-kind" -> Optional.of("a Kubernetes-in-Docker cluster; Patchbay runs QEMU guests only");
      default -> Optional.empty();
    };
  }
}
