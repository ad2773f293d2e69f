package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.Netns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a lab down from its journal, whatever state the apply was left in. A sandbox goes by deleting
 * its namespaces (everything in them goes along). In a named namespace or on the host, every step
 * that may have taken effect is undone, last first, with the values saved before it ran; then any
 * link still carrying the lab's marker is deleted (a crash between creating and journalling the
 * "done" line cannot leave one behind).
 */
final class Teardown {
  private Teardown() {}

  /** A sysctl another lab on the target still needs is handed to it ({@code heirs}) instead of put back. */
  static List<String> run(LabRecord record, Marker marker, GuestStarter guests, Journal journal,
      SysctlHeirs heirs) throws IOException {
    List<String> report = new ArrayList<>();
    if ("sandbox".equals(record.target())) {
      // Only the namespaces a sandbox of this lab is made of: a journal naming any other is not obeyed.
      java.util.Set<String> ours = java.util.Set.copyOf(Sandbox.namespaces(record.lab()));
      for (String ns : record.namespaces()) {
        if (!ours.contains(ns)) {
          report.add("left network namespace " + ns + " alone: a sandbox of lab " + record.lab() + " is made of "
              + String.join(", ", Sandbox.namespaces(record.lab())) + " only");
          continue;
        }
        boolean existed = Netns.exists(ns);
        Netns.delete(ns);
        report.add((existed ? "deleted" : "already gone:") + " network namespace " + ns);
      }
      return report;
    }
    if (record.target() == null) {
      report.add("the journal is empty: nothing was applied");
      return report;
    }
    if (record.namespace() != null && !Netns.exists(record.namespace())) {
      report.add("network namespace " + record.namespace() + " is gone: nothing of the lab is left");
      return report;
    }
    try (Target target = record.namespace() == null ? Target.host() : Target.namespace(record.namespace())) {
      Undo undo = new Undo(new StepRunner(target, marker, guests), target, marker, record.uplinks());
      List<JsonNode> steps = new ArrayList<>(record.liveSteps());
      List<String> problems = new ArrayList<>();
      deleteGroup(target, marker, report);
      List<com.fasterxml.jackson.databind.node.ObjectNode> undone = new ArrayList<>();
      for (int i = steps.size() - 1; i >= 0; i--) {
        JsonNode entry = steps.get(i);
        try {
          var heir = heirs.handOver(entry);
          if (heir.isPresent()) {
            report.add("left " + entry.path("step").path("fields").path("key").asText() + " as it is: lab "
                + heir.get().lab() + " needs it too and takes it over");
          } else {
            String outcome = undo.undo(entry);
            if (Undo.leftAlone(outcome)) {
              report.add(outcome);
            }
          }
          undone.add(journal.entry("undone").put("id", entry.path("id").asText()));
        } catch (IOException | RuntimeException e) {
          problems.add(e.getMessage());
        }
      }
      journal.append(undone);
      report.add("undid " + (steps.size() - problems.size()) + " of " + steps.size() + " steps in " + target.describe());
      sweep(target, marker, report);
      if (!problems.isEmpty()) {
        throw new IOException("down " + record.lab() + ": " + problems.size() + " step(s) could not be undone: "
            + String.join("; ", problems));
      }
    }
    return report;
  }

  /**
   * The lab's links go first, in one request for the whole group (bridge ports would otherwise go
   * one by one), but only when every link of the group carries the lab's alias; the steps undone
   * after it then find their links gone, which counts as undone.
   */
  private static void deleteGroup(Target target, Marker marker, List<String> report) throws IOException {
    List<Link> group = target.rt().links().stream().filter(l -> l.group() == marker.group()).toList();
    if (!group.isEmpty() && group.stream().allMatch(l -> l.alias().filter(marker.alias()::equals).isPresent())) {
      target.rt().deleteGroup(marker.group());
      report.add("deleted " + group.size() + " links of group " + marker.group() + " in one request");
    }
  }

  private static void sweep(Target target, Marker marker, List<String> report) throws IOException {
    for (Link l : target.rt().links()) {
      if (l.alias().filter(marker.alias()::equals).isPresent()) {
        target.rt().delete(l.name());
        report.add("deleted leftover " + l.name());
      }
    }
  }
}
