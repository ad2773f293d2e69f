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

  record NoteChanged(String noteId) implements TopologyChange {}

  record MetadataChanged() implements TopologyChange {}
}
