package dev.patchbay.app.designer.textio;

import dev.patchbay.backends.apply.HostImport;
import dev.patchbay.backends.apply.Target;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File > Import > From this host: reads the host (or a named network namespace) through netlink,
 * read-only, into a topology — the starting point for documenting a lab someone built by hand.
 */
public final class ImportHostViewModel {
  /** Reads a target into a topology; the real one talks netlink, tests give their own. */
  public interface Reader {
    Topology read(String netns) throws IOException;
  }

  private final Reader reader;
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public ImportHostViewModel(Reader reader) {
    this.reader = reader;
  }

  /** Reads this host, or the namespace when one is named. */
  public static ImportHostViewModel live() {
    return new ImportHostViewModel(netns -> {
      try (Target target = netns == null ? Target.host() : Target.namespace(netns)) {
        return HostImport.read(target, netns == null ? "This host" : netns);
      }
    });
  }

  /** The topology, or empty with the reason in {@link #errorProperty()}; blank means this host. */
  public Optional<Topology> importFrom(String namespace) {
    String ns = namespace == null || namespace.isBlank() ? null : namespace.trim();
    try {
      Topology t = reader.read(ns);
      error.set("");
      return Optional.of(t);
    } catch (IOException | IllegalArgumentException e) {
      error.set((ns == null ? "Cannot read this host: " : "Cannot read network namespace " + ns + ": ") + e.getMessage());
      return Optional.empty();
    }
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
