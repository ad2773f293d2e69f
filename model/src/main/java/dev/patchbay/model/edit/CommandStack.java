package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Topology;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * The undo history of one document. Pushing executes; pushing clears redo; the history is bounded;
 * the revision counts edits so "unsaved changes" is revision != saved revision.
 */
public final class CommandStack {
  private final Topology topology;
  private final int limit;
  private final Deque<Entry> undo = new ArrayDeque<>();
  private final Deque<Entry> redo = new ArrayDeque<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long revision;
  private long nextRevision = 1;
  private boolean executing;

  /** A command and the revision the document has after it. */
  private record Entry(Command command, long revisionAfter, long revisionBefore) {}

  public CommandStack(Topology topology) {
    this(topology, 500);
  }

  public CommandStack(Topology topology, int limit) {
    this.topology = topology;
    this.limit = limit;
  }

  public Topology topology() {
    return topology;
  }

  /** Executes the command and records it; merges it into the last one when both agree. */
  public void push(Command command) {
    if (executing) {
      throw new IllegalStateException("a command was pushed while '" + current() + "' was executing");
    }
    executing = true;
    try {
      command.execute(topology);
    } finally {
      executing = false;
    }
    redo.clear();
    Entry last = undo.peek();
    Optional<Command> merged = last == null || last.revisionAfter() != revision
        ? Optional.empty() : last.command().mergeWith(command);
    long after = nextRevision++;
    if (merged.isPresent()) {
      undo.pop();
      undo.push(new Entry(merged.get(), after, last.revisionBefore()));
    } else {
      undo.push(new Entry(command, after, revision));
      if (undo.size() > limit) {
        undo.removeLast();
      }
    }
    revision = after;
    changed();
  }

  private String current() {
    Entry e = undo.peek();
    return e == null ? "?" : e.command().description();
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  public Optional<String> undoDescription() {
    return Optional.ofNullable(undo.peek()).map(e -> e.command().description());
  }

  public Optional<String> redoDescription() {
    return Optional.ofNullable(redo.peek()).map(e -> e.command().description());
  }

  public void undo() {
    Entry e = undo.pop();
    e.command().undo(topology);
    redo.push(e);
    revision = e.revisionBefore();
    changed();
  }

  public void redo() {
    Entry e = redo.pop();
    e.command().execute(topology);
    undo.push(e);
    revision = e.revisionAfter();
    changed();
  }

  /** Identifies the document's state: equal revisions mean equal content. */
  public long revision() {
    return revision;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
