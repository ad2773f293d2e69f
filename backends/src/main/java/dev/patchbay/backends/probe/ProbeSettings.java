package dev.patchbay.backends.probe;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a probe guest is told on its kernel command line: its name, how to address each NIC, a
 * default gateway, and the probes to run. The guest's init splits the line on spaces and reads the
 * {@code pb.*} words, so every value is checked here to hold no space or shell-special character.
 *
 * @param nics one entry per NIC, {@code SELECTOR,CONFIG}: the selector is the NIC's MAC with dashes
 *     or its kernel name (eth0); the config is a CIDR, {@code dhcp} or {@code none}
 * @param gateway default route, or null
 * @param timeoutSeconds how long each probe keeps retrying before it reports a failure
 * @param listen further TCP ports the guest echoes on, besides 7 (a host forward's guest port, say)
 */
public record ProbeSettings(String name, List<String> nics, Ipv4 gateway, List<Probe> probes, int timeoutSeconds,
    List<Integer> listen) {
  /** x86's COMMAND_LINE_SIZE, terminating NUL included. */
  public static final int MAX_COMMAND_LINE = 2047;
  /**
   * no_timer_check: at boot the kernel checks that the 8254 timer's interrupt arrives through the
   * IO-APIC by waiting a few ticks; under TCG on a busy host the emulated ticks come late, every
   * fallback fails the same way and the kernel panics ("IO-APIC + timer doesn't work!"), which ends
   * QEMU with exit 0 under -no-reboot. KVM guests skip the check the same way.
   */
  private static final String BASE = "console=ttyS0 panic=-1 quiet no_timer_check";

  public ProbeSettings {
    name = hostname(name);
    nics = List.copyOf(nics);
    probes = List.copyOf(probes);
    listen = List.copyOf(listen);
    for (int port : listen) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("probe guest listen port " + port + " is not 1-65535");
      }
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
      throw new IllegalArgumentException("probe timeout must be 1-3600 s, not " + timeoutSeconds);
    }
  }

  public ProbeSettings(String name, List<String> nics, Ipv4 gateway, List<Probe> probes, int timeoutSeconds) {
    this(name, nics, gateway, probes, timeoutSeconds, List.of());
  }

  /** The same settings with the guest also echoing TCP on these ports. */
  public ProbeSettings withListen(List<Integer> ports) {
    return new ProbeSettings(name, nics, gateway, probes, timeoutSeconds, ports);
  }

  /** The settings for a guest drawn in the designer: its NICs' addresses in NIC order. */
  public static ProbeSettings of(Guest guest, List<Probe> probes, int timeoutSeconds) {
    List<String> nics = new ArrayList<>();
    Ipv4 gateway = null;
    for (int i = 0; i < guest.nics().size(); i++) {
      Nic nic = guest.nics().get(i);
      nics.add(selector(guest, nic, i) + "," + config(guest, nic));
      IpConfig ip = nic.ip();
      if (gateway == null && ip.isStatic() && ip.gateway() != null && !ip.gateway().isBlank()) {
        gateway = Ipv4.parse(ip.gateway()).orElseThrow(() -> new IllegalArgumentException(
            "guest " + guest.name() + " NIC " + nic.name() + ": gateway '" + ip.gateway() + "' is not IPv4"));
      }
    }
    return new ProbeSettings(guest.name(), nics, gateway, probes, timeoutSeconds);
  }

  /** By MAC when the design names one: the kernel's eth numbering follows driver load order. */
  private static String selector(Guest guest, Nic nic, int index) {
    if (nic.mac() == null || nic.mac().isBlank()) {
      return "eth" + index;
    }
    Mac mac = Mac.parse(nic.mac()).orElseThrow(() -> new IllegalArgumentException(
        "guest " + guest.name() + " NIC " + nic.name() + ": MAC '" + nic.mac() + "' is malformed"));
    return mac.toString().toLowerCase(Locale.ROOT).replace(':', '-');
  }

  private static String config(Guest guest, Nic nic) {
    IpConfig ip = nic.ip();
    return switch (ip.mode()) {
      case DHCP -> "dhcp";
      case NONE -> "none";
      case STATIC -> Cidr.parse(ip.address() == null ? "" : ip.address()).map(Cidr::toString)
          .orElseThrow(() -> new IllegalArgumentException("guest " + guest.name() + " NIC " + nic.name()
              + ": static address '" + ip.address() + "' is not a CIDR like 192.168.0.10/24"));
    };
  }

  /** The kernel's hostname rules, made safe for the command line: other characters become '-'. */
  static String hostname(String name) {
    String h = name == null ? "" : name.replaceAll("[^A-Za-z0-9.-]", "-");
    h = h.length() > 63 ? h.substring(0, 63) : h;
    return h.isEmpty() ? "probe" : h;
  }

  /** The words after the kernel's own ({@code pb.name=...} and so on). */
  public List<String> words() {
    List<String> w = new ArrayList<>();
    w.add("pb.name=" + name);
    for (String nic : nics) {
      w.add("pb.nic=" + checkedNic(nic));
    }
    if (gateway != null) {
      w.add("pb.gw=" + gateway);
    }
    if (!probes.isEmpty()) {
      w.add("pb.probes=" + String.join(",", probes.stream().map(Probe::toString).toList()));
    }
    if (!listen.isEmpty()) {
      w.add("pb.listen=" + String.join(",", listen.stream().map(String::valueOf).toList()));
    }
    w.add("pb.timeout=" + timeoutSeconds);
    return w;
  }

  /** The whole {@code -append} value; too long a line is refused rather than cut by the kernel. */
  public String kernelCommandLine() {
    String line = BASE + " " + String.join(" ", words());
    int bytes = line.getBytes(StandardCharsets.US_ASCII).length;
    if (bytes > MAX_COMMAND_LINE) {
      throw new IllegalArgumentException("probe guest " + name + ": kernel command line is " + bytes
          + " bytes, the limit is " + MAX_COMMAND_LINE + " (too many probes: " + probes.size() + ")");
    }
    return line;
  }

  private static String checkedNic(String nic) {
    if (!nic.matches("(eth[0-9]{1,2}|([0-9a-f]{2}-){5}[0-9a-f]{2}),(dhcp|none|[0-9./]+)")) {
      throw new IllegalArgumentException("probe guest NIC setting '" + nic
          + "': expected MAC-WITH-DASHES or ethN, then ',' and a CIDR, dhcp or none");
    }
    return nic;
  }
}
