package dev.patchbay.model.plan;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.InterfaceName;
import dev.patchbay.model.qemu.Shell;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * The bash lines that carry out one step: iproute2, sysctl, nft, and the helper functions the
 * scripts define ({@code save_sysctl}, {@code start}, ...). Every value is a quoted shell word; the
 * one text that is not (the nft ruleset in a quoted here-document) holds only validated values.
 */
final class ScriptCommands {
  private ScriptCommands() {}

  static List<String> lines(Step step) {
    return step.accept(LINES);
  }

  private static List<String> line(String... words) {
    return List.of(Shell.join(List.of(words)));
  }

  private static final Step.Visitor<List<String>, RuntimeException> LINES = new Step.Visitor<>() {
    public List<String> createTap(Step.CreateTap s) {
      List<String> words = new ArrayList<>(List.of("ip", "tuntap", "add", "dev", s.name(), "mode", "tap"));
      if (s.owner() != null) {
        words.addAll(List.of("user", s.owner()));
      }
      return List.of(Shell.join(words));
    }

    public List<String> deleteTap(Step.DeleteTap s) {
      return line("ip", "tuntap", "del", "dev", s.name(), "mode", "tap");
    }

    public List<String> createBridge(Step.CreateBridge s) {
      return line("ip", "link", "add", "name", s.name(), "type", "bridge", "stp_state", s.stp() ? "1" : "0");
    }

    public List<String> deleteBridge(Step.DeleteBridge s) {
      return line("ip", "link", "del", "dev", s.name());
    }

    public List<String> enslave(Step.Enslave s) {
      return line("ip", "link", "set", "dev", s.device(), "master", s.bridge());
    }

    public List<String> release(Step.Release s) {
      return line("ip", "link", "set", "dev", s.device(), "nomaster");
    }

    public List<String> setUp(Step.SetUp s) {
      return line("ip", "link", "set", "dev", s.device(), "up");
    }

    public List<String> setDown(Step.SetDown s) {
      return line("ip", "link", "set", "dev", s.device(), "down");
    }

    public List<String> addAddress(Step.AddAddress s) {
      return line("ip", "address", "add", s.cidr(), "dev", s.device());
    }

    public List<String> removeAddress(Step.RemoveAddress s) {
      return line("ip", "address", "del", s.cidr(), "dev", s.device());
    }

    public List<String> addRoute(Step.AddRoute s) {
      return List.of(Shell.join(route("add", s.destination(), s.via(), s.device())));
    }

    public List<String> removeRoute(Step.RemoveRoute s) {
      return List.of(Shell.join(route("del", s.destination(), s.via(), s.device())));
    }

    public List<String> setSysctl(Step.SetSysctl s) {
      if (s.to() == null) {
        return line("restore_sysctl", sysctlKey(s.key()));
      }
      String set = Shell.join(List.of("sysctl", "-q", "-w", sysctlKey(s.key()) + "=" + s.to()));
      // A plan made without reading the host saves the value it replaces; a known one is just set.
      return s.from() == null ? List.of(Shell.join(List.of("save_sysctl", sysctlKey(s.key()))), set) : List.of(set);
    }

    public List<String> loadNat(Step.LoadNat s) {
      return nft(s);
    }

    public List<String> deleteNat(Step.DeleteNat s) {
      return line("nft", "delete", "table", "ip", s.table());
    }

    public List<String> clearUplinkAddresses(Step.ClearUplinkAddresses s) {
      return line("save_and_clear_addresses", s.uplink());
    }

    public List<String> restoreUplinkAddresses(Step.RestoreUplinkAddresses s) {
      return line("restore_addresses", s.uplink());
    }

    public List<String> startVdeSwitch(Step.StartVdeSwitch s) {
      return ScriptCommands.startVdeSwitch(s);
    }

    public List<String> stopVdeSwitch(Step.StopVdeSwitch s) {
      List<String> lines = new ArrayList<>(line("stop", Scripts.processKey(s.name()), "vde_switch"));
      if (inRuntimeRoot(s.socketPath())) {
        lines.add(Shell.join(List.of("remove_private_dir", s.socketPath())));
      }
      return lines;
    }

    public List<String> startGuest(Step.StartGuest s) {
      List<String> words = new ArrayList<>(List.of("start", Scripts.processKey(s.guest())));
      words.addAll(s.arguments());
      List<String> lines = new ArrayList<>(List.of(Shell.join(words)));
      s.listens().forEach(port -> lines.add(Shell.join(List.of("wait_listening", Integer.toString(port),
          Scripts.processKey(s.guest())))));
      return lines;
    }

    public List<String> stopGuest(Step.StopGuest s) {
      return line("stop", Scripts.processKey(s.guest()), s.arguments().get(0));
    }
  };

  /** A switch whose socket lives in the lab's runtime folder makes that folder, root's alone, first. */
  private static List<String> startVdeSwitch(Step.StartVdeSwitch s) {
    List<String> lines = new ArrayList<>();
    if (inRuntimeRoot(s.socketPath())) {
      String folder = s.socketPath().substring(0, s.socketPath().lastIndexOf('/'));
      lines.add(Shell.join(List.of("private_dir", VdeSwitch.RUNTIME_ROOT, folder)));
    }
    List<String> words = new ArrayList<>(List.of("start", Scripts.processKey(s.name())));
    words.addAll(Scripts.vdeSwitch(s));
    lines.add(Shell.join(words));
    lines.add(Shell.join(List.of("wait_socket", s.socketPath() + "/ctl", Scripts.processKey(s.name()))));
    return lines;
  }

  static boolean inRuntimeRoot(String socketPath) {
    return socketPath.startsWith(VdeSwitch.RUNTIME_ROOT + "/");
  }

  private static List<String> route(String verb, String destination, String via, String device) {
    if (destination == null || destination.isBlank()) {
      throw new IllegalArgumentException("a host route has no destination");
    }
    List<String> words = new ArrayList<>(List.of("ip", "route", verb, destination));
    if (via != null) {
      words.addAll(List.of("via", via));
    }
    if (device != null) {
      words.addAll(List.of("dev", device));
    }
    return words;
  }

  /** sysctl reads dots as separators, so a key whose interface name has a dot takes the slash form. */
  static String sysctlKey(String key) {
    String path = Planner.procSysPath(key);
    return path.equals(key.replace('.', '/')) ? key : path;
  }

  /** One ruleset loaded atomically by {@code nft -f}; its values are checked, not quoted. */
  private static List<String> nft(Step.LoadNat s) {
    List<String> out = new ArrayList<>();
    out.add("nft -f - <<'NFT'");
    out.add("table ip " + checkedWord(s.table()) + " {");
    out.add("  chain postrouting {");
    out.add("    type nat hook postrouting priority srcnat; policy accept;");
    for (HostSettings.Nat rule : s.rules()) {
      String source = Cidr.parse(rule.source()).map(c -> c.toString())
          .orElseThrow(() -> new IllegalArgumentException("NAT source '" + rule.source() + "' is not an IPv4 CIDR"));
      InterfaceName.unsafe(rule.out()).ifPresent(p -> {
        throw new IllegalArgumentException("NAT out interface: " + p);
      });
      out.add("    ip saddr " + source + " oifname \"" + rule.out() + "\" masquerade");
    }
    out.add("  }");
    out.add("}");
    out.add("NFT");
    return out;
  }

  private static String checkedWord(String word) {
    if (!word.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("nft table name '" + word + "' must be lower-case letters, digits and _");
    }
    return word;
  }
}
