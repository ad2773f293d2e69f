package dev.patchbay.app.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.plan.LiveState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a namespace's state by parsing {@code ip -j}, sysctl and nft output. Test code only: the
 * backends get a netlink reader of their own.
 */
final class NamespaceState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NamespaceState() {}

  static LiveState read(Namespace ns, Collection<String> sysctlKeys, Path stateDir)
      throws IOException, InterruptedException {
    List<LiveState.Link> links = new ArrayList<>();
    for (JsonNode l : json(ns.ip("-d", "-j", "link", "show").check().out())) {
      boolean up = false;
      for (JsonNode f : l.path("flags")) {
        up |= f.asText().equals("UP");
      }
      links.add(new LiveState.Link(l.path("ifname").asText(), text(l.path("linkinfo").path("info_kind")),
          text(l.path("master")), up, text(l.path("ifalias"))));
    }
    List<LiveState.Address> addresses = new ArrayList<>();
    for (JsonNode l : json(ns.ip("-4", "-j", "address", "show").check().out())) {
      for (JsonNode a : l.path("addr_info")) {
        addresses.add(new LiveState.Address(l.path("ifname").asText(), a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
      }
    }
    List<LiveState.Route> routes = new ArrayList<>();
    for (JsonNode r : json(ns.ip("-4", "-j", "route", "show").check().out())) {
      routes.add(new LiveState.Route(r.path("dst").asText(), text(r.path("gateway")), text(r.path("dev"))));
    }
    return new LiveState(links, addresses, routes, sysctls(ns, sysctlKeys), nftTables(ns), processes(stateDir));
  }

  static Map<String, String> sysctls(Namespace ns, Collection<String> keys) throws IOException, InterruptedException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : keys) {
      Namespace.Result r = ns.exec(Map.of(), "sysctl", "-n", key);
      if (r.exit() == 0) {
        values.put(key, r.out().trim());
      }
    }
    return values;
  }

  static Set<String> nftTables(Namespace ns) throws IOException, InterruptedException {
    Set<String> tables = new HashSet<>();
    for (JsonNode n : JSON.readTree(ns.exec(Map.of(), "nft", "-j", "list", "tables").check().out()).path("nftables")) {
      if (n.has("table")) {
        tables.add(n.path("table").path("family").asText() + " " + n.path("table").path("name").asText());
      }
    }
    return tables;
  }

  /** The processes up.sh started: a PID file each (in a dry run it names no real process). */
  private static Set<String> processes(Path stateDir) throws IOException {
    if (!Files.isDirectory(stateDir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(stateDir)) {
      Set<String> names = new HashSet<>();
      files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("pid."))
          .forEach(n -> names.add(n.substring("pid.".length())));
      return names;
    }
  }

  /** Everything a before/after comparison looks at, as text: links, addresses, routes, sysctls, nft. */
  static Map<String, Object> snapshot(Namespace ns, Collection<String> sysctlKeys) throws IOException, InterruptedException {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("link", json(ns.ip("-d", "-j", "link", "show").check().out()));
    s.put("address", json(ns.ip("-j", "address", "show").check().out()));
    s.put("route", json(ns.ip("-j", "route", "show").check().out()));
    s.put("sysctl", sysctls(ns, sysctlKeys));
    s.put("nft", ns.exec(Map.of(), "nft", "list", "ruleset").check().out());
    return s;
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text.isBlank() ? "[]" : text);
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }
}
