package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a lab's journal says: where it was applied, which namespaces were made for it, which steps
 * may have taken effect (begun and not undone) and whether it waits for a confirmation.
 */
public record LabRecord(String lab, String target, String namespace, String since, String file,
    List<String> namespaces, List<JsonNode> liveSteps, boolean applied, long confirmBy, boolean confirmed,
    long applyingPid) {

  public static LabRecord read(String lab, Journal journal) throws IOException {
    String target = null;
    String namespace = null;
    String since = null;
    String file = null;
    Set<String> namespaces = new LinkedHashSet<>();
    List<JsonNode> steps = new ArrayList<>();
    Set<String> undone = new HashSet<>();
    boolean applied = false;
    long confirmBy = 0;
    boolean confirmed = false;
    long pid = 0;
    for (JsonNode e : journal.entries()) {
      switch (e.path("event").asText()) {
        case "lab" -> {
          target = e.path("target").asText();
          namespace = e.path("namespace").isTextual() ? e.path("namespace").asText() : null;
          since = since == null ? e.path("time").asText() : since;
          file = e.path("file").asText(null);
        }
        case "namespace" -> namespaces.add(e.path("name").asText());
        case "step" -> steps.add(e);
        case "undone" -> undone.add(e.path("id").asText());
        case "applied" -> applied = true;
        case "confirm-by" -> {
          // A new countdown (a re-apply that can cut the host off) needs its own confirmation.
          confirmBy = e.path("deadline").asLong();
          pid = e.path("pid").asLong();
          confirmed = false;
        }
        case "confirmed" -> confirmed = true;
        default -> { }
      }
    }
    List<JsonNode> live = steps.stream().filter(s -> !undone.contains(s.path("id").asText())).toList();
    return new LabRecord(lab, target, namespace, since, file, List.copyOf(namespaces), live, applied,
        confirmBy, confirmed, pid);
  }

  /** Names of the guests and switches handed to the guest starter (the planner's "processes"). */
  public Set<String> processes() {
    Set<String> out = new HashSet<>();
    for (JsonNode s : liveSteps) {
      String kind = s.path("step").path("kind").asText();
      JsonNode fields = s.path("step").path("fields");
      if (kind.equals("StartGuest")) {
        out.add(fields.path("guest").asText());
      } else if (kind.equals("StartVdeSwitch")) {
        out.add(fields.path("name").asText());
      }
    }
    return out;
  }

  /** Whether the process that applies the lab still runs (the watcher must not revert under it). */
  public boolean stillApplying() {
    return !applied && applyingPid > 0 && ProcessHandle.of(applyingPid).map(ProcessHandle::isAlive).orElse(false);
  }

  public boolean awaitingConfirmation() {
    return confirmBy > 0 && !confirmed;
  }

  public String where() {
    return switch (target == null ? "" : target) {
      case "sandbox" -> "sandbox " + String.join(", ", namespaces);
      case "netns" -> "network namespace " + namespace;
      case "host" -> "this host";
      default -> "unknown";
    };
  }

}
