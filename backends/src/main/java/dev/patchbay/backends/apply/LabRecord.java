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
 * may have taken effect (begun and not undone), the design's uplinks (the only interfaces without the
 * lab's marker whose addresses, routes and ports it may give back), and where its confirm-or-revert
 * countdown stands.
 *
 * @param uplinks the uplinks named by the designs applied, or null for a journal older than that record
 * @param countdown where the countdown stands: none, the apply that needs one still runs (pending),
 *     the deadline (epoch ms) once it finished, confirmed
 */
public record LabRecord(String lab, String target, String namespace, String since, String file,
    List<String> namespaces, List<JsonNode> liveSteps, boolean applied, Countdown countdown, Set<String> uplinks) {

  /** A confirm-or-revert countdown: it starts when the apply that needs it has finished. */
  public record Countdown(boolean pending, long deadline, boolean confirmed, long applyingPid, int seconds) {
    static final Countdown NONE = new Countdown(false, 0, false, 0, 0);

    /** The lab's changes revert unless confirmed: an apply is running that will need it, or the deadline runs. */
    public boolean waiting() {
      return (pending || deadline > 0) && !confirmed;
    }
  }

  public static LabRecord read(String lab, Journal journal) throws IOException {
    Reader r = new Reader();
    for (JsonNode e : journal.entries()) {
      int version = e.path("journal").asInt(1);
      if (version > Journal.VERSION) {
        throw new IOException("lab " + lab + "'s journal is format version " + version + ", written by a newer"
            + " Patchbay; this one reads version " + Journal.VERSION + ": take the lab down with that release");
      }
      r.read(e);
    }
    Set<String> undone = r.undone;
    List<JsonNode> live = r.steps.stream().filter(s -> !undone.contains(s.path("id").asText())).toList();
    return new LabRecord(lab, r.target, r.namespace, r.since, r.file, List.copyOf(r.namespaces), live, r.applied,
        r.countdown, r.uplinks == null ? null : Set.copyOf(r.uplinks));
  }

  /** Folds the journal's lines into a record, one event at a time. */
  private static final class Reader {
    String target;
    String namespace;
    String since;
    String file;
    final Set<String> namespaces = new LinkedHashSet<>();
    final List<JsonNode> steps = new ArrayList<>();
    final Set<String> undone = new HashSet<>();
    boolean applied;
    Countdown countdown = Countdown.NONE;
    Set<String> uplinks;

    void read(JsonNode e) {
      switch (e.path("event").asText()) {
        case "lab" -> {
          target = e.path("target").asText();
          namespace = e.path("namespace").isTextual() ? e.path("namespace").asText() : null;
          since = since == null ? e.path("time").asText() : since;
          file = e.path("file").asText(null);
          addUplinks(e);
        }
        case "design" -> addUplinks(e);
        case "namespace" -> namespaces.add(e.path("name").asText());
        case "step" -> steps.add(e);
        case "undone" -> undone.add(e.path("id").asText());
        case "applied" -> applied = true;
        // A new countdown (a re-apply that can cut the host off) needs its own confirmation.
        case "confirm-pending" -> countdown = new Countdown(true, 0, false, e.path("pid").asLong(),
            e.path("seconds").asInt());
        case "confirm-by" -> countdown = new Countdown(false, e.path("deadline").asLong(), false,
            e.path("pid").asLong(), countdown.seconds());
        case "confirm-ended" -> countdown = Countdown.NONE;
        case "confirmed" -> countdown = new Countdown(false, countdown.deadline(), true, countdown.applyingPid(),
            countdown.seconds());
        default -> { }
      }
    }

    private void addUplinks(JsonNode e) {
      if (e.path("uplinks").isArray()) {
        uplinks = uplinks == null ? new LinkedHashSet<>() : uplinks;
        e.path("uplinks").forEach(u -> uplinks.add(u.asText()));
      }
    }
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

  /** Whether the journal records anything at all: a journal cut short before its first line is empty. */
  public boolean empty() {
    return target == null;
  }

  public boolean awaitingConfirmation() {
    return countdown.waiting();
  }

  /** The countdown's deadline in epoch milliseconds, 0 while the apply that needs it still runs. */
  public long confirmBy() {
    return countdown.deadline();
  }

  public String where() {
    return switch (target == null ? "" : target) {
      case "sandbox" -> "sandbox " + String.join(", ", namespaces);
      case "netns" -> "network namespace " + namespace;
      case "host" -> "this host";
      default -> "nowhere (its journal is empty: nothing was applied)";
    };
  }
}
