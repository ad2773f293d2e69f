package dev.patchbay.model.check;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.TopologyChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an edit touched, for deciding which rules must look again. */
public final class Changes {
  private Changes() {}

  /** Layout, notes and the file's name never change what works. */
  public static boolean affectsNetwork(TopologyChange c) {
    return !(c instanceof TopologyChange.Moved || c instanceof TopologyChange.NoteChanged
        || c instanceof TopologyChange.MetadataChanged);
  }

  /** The element kinds an edit added, removed or replaced; empty for links, host settings and layout. */
  public static Optional<Class<? extends Element>> elementType(TopologyChange c) {
    if (c instanceof TopologyChange.ElementAdded a) {
      return Optional.of(a.element().getClass());
    } else if (c instanceof TopologyChange.ElementRemoved r) {
      return Optional.of(r.element().getClass());
    } else if (c instanceof TopologyChange.ElementReplaced r) {
      return Optional.of(r.after().getClass());
    }
    return Optional.empty();
  }

  /** True for link edits and for element edits of the given kinds (host settings excluded). */
  public static boolean touchesLinksOr(TopologyChange c, Set<Class<? extends Element>> kinds) {
    if (c instanceof TopologyChange.LinkAdded || c instanceof TopologyChange.LinkRemoved) {
      return true;
    }
    return touchesOnly(c, kinds);
  }

  /** True only for element edits of the given kinds (a replacement counts both its old and new kind). */
  public static boolean touchesOnly(TopologyChange c, Set<Class<? extends Element>> kinds) {
    if (c instanceof TopologyChange.ElementReplaced r && kinds.contains(r.before().getClass())) {
      return true;
    }
    return elementType(c).filter(kinds::contains).isPresent();
  }

  /**
   * The element an edit only renamed (same kind, id and settings, another name), with its name
   * before; empty for every other edit.
   */
  public static Optional<Renamed> renamed(TopologyChange c) {
    if (c instanceof TopologyChange.ElementReplaced r && r.before().getClass() == r.after().getClass()
        && r.before().id().equals(r.after().id()) && !r.before().name().equals(r.after().name())
        && r.before().withIdentity(r.before().id(), r.after().name()).equals(r.after())) {
      return Optional.of(new Renamed(r.after().id(), r.before().name()));
    }
    return Optional.empty();
  }

  /** An element's id and a name it had. */
  public record Renamed(String id, String oldName) {}

  /**
   * A guest edited without touching what links attach to or how it is shown: same name and the same
   * NIC names in the same order (addresses, MACs, models may differ). Segments, loops, which tap or
   * hub holds what, and every finding about wiring stay as they were.
   */
  public static boolean keepsGuestWiring(TopologyChange c) {
    return c instanceof TopologyChange.ElementReplaced r && r.before() instanceof Guest a
        && r.after() instanceof Guest b && a.name().equals(b.name()) && nicNames(a).equals(nicNames(b));
  }

  private static List<String> nicNames(Guest g) {
    return g.nics().stream().map(Nic::name).toList();
  }

  /**
   * Whether the Ethernet segments stay as they were: layout, notes, host settings, renames and
   * guest edits that keep their NIC names change no link and no port.
   */
  public static boolean keepsSegments(TopologyChange c) {
    return !touchesWiring(c) || keepsGuestWiring(c) || renamed(c).isPresent();
  }

  /** Links and any element: everything but host settings and layout. */
  public static boolean touchesWiring(TopologyChange c) {
    return affectsNetwork(c) && !(c instanceof TopologyChange.HostChanged);
  }
}
