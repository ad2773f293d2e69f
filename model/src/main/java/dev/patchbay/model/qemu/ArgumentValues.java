package dev.patchbay.model.qemu;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.Optional;

/**
 * Each value of the design as a QEMU argument carries it: checked by {@link QemuValues} and
 * written in QEMU's syntax (commas doubled inside options, addresses and MACs re-written from
 * their parsed form). A value that fails its check stops the rendering with a
 * {@link RefusedValueException} instead of reaching QEMU.
 */
final class ArgumentValues {
  private ArgumentValues() {}

  static String checked(Element e, String field, String value, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new RefusedValueException(e, field, problem.get());
    }
    return value;
  }

  static String program(Guest g) {
    return "qemu-system-" + checked(g, "arch", g.arch(), QemuValues.archProblem(g.arch()));
  }

  /** {@code -name} is an option list whose first value is the name: commas would start options. */
  static String name(Guest g) {
    return QemuValues.optionEscaped(checked(g, "name", g.name(), QemuValues.guestNameProblem(g.name())));
  }

  static String machine(Guest g) {
    return checked(g, "machine", g.machine(), QemuValues.machineProblem(g.machine()));
  }

  static String memory(Guest g) {
    return checked(g, "memoryMiB", Integer.toString(g.memoryMiB()), QemuValues.memoryProblem(g.memoryMiB()));
  }

  static String disk(Guest g) {
    return "file=" + QemuValues.optionEscaped(checked(g, "disk", g.disk(), QemuValues.diskProblem(g.disk())));
  }

  static String nicName(Guest g, int index, Nic nic) {
    return checked(g, "nics[" + index + "].name", nic.name(), QemuValues.nicNameProblem(nic.name()));
  }

  /** The MAC as QEMU writes it, from its parsed form: the text in the file never reaches QEMU. */
  static Optional<String> mac(Guest g, int index, Nic nic) {
    if (nic.mac() == null || nic.mac().isBlank()) {
      return Optional.empty();
    }
    Mac mac = Mac.parse(nic.mac()).orElseThrow(() -> new RefusedValueException(g, "nics[" + index + "].mac",
        Printable.quoted(nic.mac()) + " is not a MAC address such as 52:54:00:12:34:56"));
    return Optional.of(mac.toString());
  }

  static String id(Element e, String id) {
    return checked(e, "id", id, QemuValues.idProblem(id));
  }

  static String ifname(Tap t) {
    return QemuValues.optionEscaped(checked(t, "name", t.name(), InterfaceName.unsafe(t.name())));
  }

  static String vdeSocket(VdeSwitch v, String lab) {
    String path = v.socketPathFor(lab);
    return QemuValues.optionEscaped(checked(v, "socketPath", path, QemuValues.socketPathProblem(path)));
  }

  /** An address field, rewritten from its parsed form; blank stays unset. */
  static Optional<String> ipv4(Element e, String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Ipv4.parse(value).map(Ipv4::toString).orElseThrow(() -> new RefusedValueException(e, field,
        Printable.quoted(value) + " is not an IPv4 address such as 10.0.2.2")));
  }

  static Optional<String> cidr(Element e, String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Cidr c = Cidr.parse(value).orElseThrow(() -> new RefusedValueException(e, field,
        Printable.quoted(value) + " is not a subnet such as 10.0.2.0/24"));
    // A bare address stays bare: QEMU gives it the default mask, which "/32" would change.
    return Optional.of(value.contains("/") ? c.toString() : c.address().toString());
  }

  static String host(Element e, String field, String value) {
    return checked(e, field, value == null ? "" : value, QemuValues.hostProblem(value));
  }

  static int port(Element e, String field, int port) {
    checked(e, field, "", QemuValues.portProblem(port));
    return port;
  }
}
