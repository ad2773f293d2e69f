package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.InterfaceAddress;
import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.Route;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Planner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the model's {@link LiveState} from one namespace: RTM_GETLINK/GETADDR/GETROUTE dumps, the
 * sysctls plans set (ip_forward and every interface's proxy_arp) and {@code nft list tables}. The
 * processes are given by the caller: which guests were handed to the guest launcher is in the journal,
 * not in the kernel.
 */
public final class LiveStateReader {
  private LiveStateReader() {}

  public static LiveState read(Target target, Set<String> processes) throws IOException {
    List<Link> links = target.rt().links();
    Map<Integer, String> names = new HashMap<>();
    links.forEach(l -> names.put(l.index(), l.name()));
    List<LiveState.Link> liveLinks = new ArrayList<>();
    for (Link l : links) {
      liveLinks.add(new LiveState.Link(l.name(), l.kind() == null || l.kind().isEmpty() ? null : l.kind(),
          l.master() == 0 ? null : names.get(l.master()), l.up(), l.alias().filter(a -> !a.isEmpty()).orElse(null)));
    }
    List<LiveState.Address> addresses = new ArrayList<>();
    for (InterfaceAddress a : target.rt().addresses()) {
      addresses.add(new LiveState.Address(names.getOrDefault(a.index(), "#" + a.index()), a.cidr().toString()));
    }
    List<LiveState.Route> routes = new ArrayList<>();
    for (Route r : target.rt().routes()) {
      routes.add(new LiveState.Route(r.destination().toString(), r.gateway().map(Object::toString).orElse(null),
          r.oif() == 0 ? null : names.get(r.oif())));
    }
    return new LiveState(liveLinks, addresses, routes, sysctls(target, links), nftTables(target), processes);
  }

  private static Map<String, String> sysctls(Target target, List<Link> links) throws IOException {
    Map<String, String> out = new HashMap<>();
    putIfPresent(out, target, Planner.IP_FORWARD);
    for (Link l : links) {
      putIfPresent(out, target, Planner.proxyArpKey(l.name()));
    }
    return out;
  }

  private static void putIfPresent(Map<String, String> out, Target target, String key) throws IOException {
    String value = target.readSysctl(Planner.procSysPath(key));
    if (value != null) {
      out.put(key, value);
    }
  }

  /** "family name" of every nft table, e.g. "ip patchbay", from lines "table ip patchbay". */
  public static Set<String> nftTables(Target target) throws IOException {
    Set<String> tables = new LinkedHashSet<>();
    for (String line : target.nft(List.of("list", "tables"), null).split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (words.length == 3 && words[0].equals("table")) {
        tables.add(words[1] + " " + words[2]);
      }
    }
    return tables;
  }
}
