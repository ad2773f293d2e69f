package dev.patchbay.model.topology;

/** What one edit of a topology changed; views react to each kind with one handler. */
public sealed interface TopologyChange {
  record ElementAdded(Element element) implements TopologyChange {}

  record ElementRemoved(Element element) implements TopologyChange {}

  record ElementReplaced(Element before, Element after) implements TopologyChange {}

  record LinkAdded(Link link) implements TopologyChange {}

  record LinkRemoved(Link link) implements TopologyChange {}

  record Moved(String id, Point to) implements TopologyChange {}

  record HostChanged(HostSettings before, HostSettings after) implements TopologyChange {}

  /**
   * A note was added, edited, moved or removed: one kind for all four, since every listener does
   * the same for each (look the note up by id; absent means removed), and the rules that read a
   * note must hear its removal as surely as its edit.
   */
  record NoteChanged(String noteId) implements TopologyChange {}

  record MetadataChanged() implements TopologyChange {}
}
