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
    if (step instanceof Step.CreateTap s) {
      List<String> words = new ArrayList<>(List.of("ip", "tuntap", "add", "dev", s.name(), "mode", "tap"));
      if (s.owner() != null) {
        words.addAll(List.of("user", s.owner()));
      }
      return List.of(Shell.join(words));
    } else if (step instanceof Step.DeleteTap s) {
      return List.of(Shell.join(List.of("ip", "tuntap", "del", "dev", s.name(), "mode", "tap")));
    } else if (step instanceof Step.CreateBridge s) {
      return List.of(Shell.join(List.of("ip", "link", "add", "name", s.name(), "type", "bridge",
          "stp_state", s.stp() ? "1" : "0")));
    } else if (step instanceof Step.DeleteBridge s) {
      return List.of(Shell.join(List.of("ip", "link", "del", "dev", s.name())));
    } else if (step instanceof Step.Enslave s) {
      return List.of(Shell.join(List.of("ip", "link", "set", "dev", s.device(), "master", s.bridge())));
    } else if (step instanceof Step.Release s) {
      return List.of(Shell.join(List.of("ip", "link", "set", "dev", s.device(), "nomaster")));
    } else if (step instanceof Step.SetUp s) {
      return List.of(Shell.join(List.of("ip", "link", "set", "dev", s.device(), "up")));
    } else if (step instanceof Step.SetDown s) {
      return List.of(Shell.join(List.of("ip", "link", "set", "dev", s.device(), "down")));
    } else if (step instanceof Step.AddAddress s) {
      return List.of(Shell.join(List.of("ip", "address", "add", s.cidr(), "dev", s.device())));
    } else if (step instanceof Step.RemoveAddress s) {
      return List.of(Shell.join(List.of("ip", "address", "del", s.cidr(), "dev", s.device())));
    } else if (step instanceof Step.AddRoute s) {
      return List.of(Shell.join(route("add", s.destination(), s.via(), s.device())));
    } else if (step instanceof Step.RemoveRoute s) {
      return List.of(Shell.join(route("del", s.destination(), s.via(), s.device())));
    }
    return moreLines(step);
  }

  private static List<String> moreLines(Step step) {
    if (step instanceof Step.SetSysctl s) {
      String set = Shell.join(List.of("sysctl", "-q", "-w", sysctlKey(s.key()) + "=" + s.to()));
      if (s.to() == null) {
        return List.of(Shell.join(List.of("restore_sysctl", sysctlKey(s.key()))));
      }
      // A plan made without reading the host saves the value it replaces; a known one is just set.
      return s.from() == null ? List.of(Shell.join(List.of("save_sysctl", sysctlKey(s.key()))), set) : List.of(set);
    } else if (step instanceof Step.LoadNat s) {
      return nft(s);
    } else if (step instanceof Step.DeleteNat s) {
      return List.of(Shell.join(List.of("nft", "delete", "table", "ip", s.table())));
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return List.of(Shell.join(List.of("save_and_clear_addresses", s.uplink())));
    } else if (step instanceof Step.RestoreUplinkAddresses s) {
      return List.of(Shell.join(List.of("restore_addresses", s.uplink())));
    } else if (step instanceof Step.StartVdeSwitch s) {
      return startVdeSwitch(s);
    } else if (step instanceof Step.StopVdeSwitch s) {
      List<String> lines = new ArrayList<>(List.of(Shell.join(List.of("stop", Scripts.processKey(s.name()), "vde_switch"))));
      if (inRuntimeRoot(s.socketPath())) {
        lines.add(Shell.join(List.of("remove_private_dir", s.socketPath())));
      }
      return lines;
    } else if (step instanceof Step.StartGuest s) {
      List<String> words = new ArrayList<>(List.of("start", Scripts.processKey(s.guest())));
      words.addAll(s.arguments());
      List<String> lines = new ArrayList<>(List.of(Shell.join(words)));
      s.listens().forEach(port -> lines.add(Shell.join(List.of("wait_listening", Integer.toString(port),
          Scripts.processKey(s.guest())))));
      return lines;
    } else if (step instanceof Step.StopGuest s) {
      return List.of(Shell.join(List.of("stop", Scripts.processKey(s.guest()), s.arguments().get(0))));
    }
    throw new IllegalStateException("no commands for " + step);
  }

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
