package dev.patchbay.backends.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a probe guest said on its serial console so far, read from its {@code PB} lines:
 * {@code PB {"event":"nic",...}} per NIC, {@code PB-READY} once configured and serving,
 * {@code PB {"probe":...}} per probe, {@code PB-DONE} after the last probe, and again after each
 * further batch of probes sent on its console ({@code rounds} counts them). Everything else on the
 * console (firmware, kernel) is ignored; a line the guest has only half written is not read yet.
 */
public record ProbeReport(boolean ready, boolean done, List<NicResult> nics, List<ProbeResult> probes,
    List<String> problems, int rounds) {

  /** How one NIC came up: its kernel name and the address it ended with. */
  public record NicResult(String nic, String ifName, String mode, String address, boolean ok) {}

  /** One probe's outcome; {@code ms} is the round trip (ICMP) or connect time (TCP) when it worked. */
  public record ProbeResult(String probe, String target, boolean ok, Integer ms, int tries) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public ProbeReport {
    nics = List.copyOf(nics);
    probes = List.copyOf(probes);
    problems = List.copyOf(problems);
  }

  /** Reads the console text; the last line counts only once its newline has arrived. */
  public static ProbeReport parse(String console) {
    boolean ready = false;
    int rounds = 0;
    List<NicResult> nics = new ArrayList<>();
    List<ProbeResult> probes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int end = console.lastIndexOf('\n');
    String complete = end < 0 ? "" : console.substring(0, end);
    for (String raw : complete.split("\n", -1)) {
      String line = raw.strip();
      if (line.equals("PB-READY")) {
        ready = true;
      } else if (line.equals("PB-DONE")) {
        rounds++;
      } else if (line.startsWith("PB {")) {
        readEvent(line.substring(3), nics, probes, problems);
      }
    }
    return new ProbeReport(ready, rounds > 0, nics, probes, problems, rounds);
  }

  private static void readEvent(String json, List<NicResult> nics, List<ProbeResult> probes, List<String> problems) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n.has("probe")) {
        probes.add(new ProbeResult(n.path("probe").asText(), n.path("target").asText(), n.path("ok").asBoolean(),
            n.has("ms") ? n.get("ms").asInt() : null, n.path("tries").asInt(0)));
      } else if ("nic".equals(n.path("event").asText())) {
        nics.add(new NicResult(n.path("nic").asText(), n.path("if").asText(null), n.path("mode").asText(null),
            n.path("addr").asText(""), n.path("ok").asBoolean()));
      } else {
        problems.add(json);
      }
    } catch (IOException e) {
      problems.add("unreadable PB line: " + json);
    }
  }

  /** The address the first NIC configured by DHCP obtained, in NIC order; empty when none got a lease. */
  public Optional<Ipv4> lease() {
    return nics.stream().filter(n -> "dhcp".equals(n.mode()) && n.ok()).map(n -> Cidr.parse(n.address()))
        .flatMap(Optional::stream).map(Cidr::address).findFirst();
  }

  /** This report with the probe results only {@code other} holds (the same console read another way). */
  public ProbeReport withProbesFrom(ProbeReport other) {
    List<ProbeResult> all = new ArrayList<>(probes);
    for (ProbeResult r : other.probes) {
      if (all.stream().noneMatch(x -> x.probe().equals(r.probe()) && x.target().equals(r.target()))) {
        all.add(r);
      }
    }
    return new ProbeReport(ready, done, nics, all, problems, rounds);
  }

  /** The result of this probe, once the guest has reported it. */
  public Optional<ProbeResult> result(Probe probe) {
    return probes.stream()
        .filter(r -> r.probe().equals(probe.kind().word()) && r.target().equals(probe.targetText()))
        .findFirst();
  }
}
