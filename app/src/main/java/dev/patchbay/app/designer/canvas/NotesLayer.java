package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.collections.SetChangeListener;
import javafx.scene.Group;

/**
 * The canvas's notes, one {@link NoteView} per note of the topology. Every note change is one
 * kind of model event (see {@code TopologyChange.NoteChanged}), so one method follows it: the note
 * is drawn, redrawn or taken away as the model now has it.
 */
final class NotesLayer {
  private final Group layer = new Group();
  private final SelectionModel selection;
  private final Map<String, NoteView> views = new LinkedHashMap<>();
  private List<NoteView> lifted = List.of();
  private boolean overview;

  /** Each note shows whether the selection holds it, from its first drawing on. */
  NotesLayer(SelectionModel selection) {
    this.selection = selection;
    selection.ids().addListener((SetChangeListener<String>) c -> {
      String id = c.wasAdded() ? c.getElementAdded() : c.getElementRemoved();
      NoteView v = views.get(id);
      if (v != null) {
        v.setSelected(selection.contains(id));
      }
    });
  }

  Group layer() {
    return layer;
  }

  void rebuild(Topology t) {
    drop();
    views.clear();
    layer.getChildren().clear();
    t.notes().forEach(this::add);
  }

  /** The note with this id changed: drawn as the model has it now, or removed if the model has none. */
  void follow(Topology t, String id) {
    Note n = t.note(id).orElse(null);
    NoteView v = views.get(id);
    if (n == null) {
      if (v != null) {
        views.remove(id);
        layer.getChildren().remove(v);
      }
    } else if (v == null) {
      add(n);
    } else {
      v.setTranslateX(0);
      v.setTranslateY(0);
      v.update(n);
    }
  }

  private void add(Note n) {
    NoteView v = new NoteView(n);
    v.setOverview(overview);
    v.setSelected(selection.contains(n.id()));
    views.put(n.id(), v);
    layer.getChildren().add(v);
  }

  void setOverview(boolean on) {
    overview = on;
    views.values().forEach(v -> v.setOverview(on));
  }

  /** A drag of these ids starts: the notes among them follow {@link #offset} until {@link #drop}. */
  void lift(Collection<String> ids) {
    List<NoteView> found = new ArrayList<>();
    for (String id : ids) {
      NoteView v = views.get(id);
      if (v != null) {
        found.add(v);
      }
    }
    lifted = List.copyOf(found);
  }

  void offset(double dx, double dy) {
    for (NoteView v : lifted) {
      v.setTranslateX(dx);
      v.setTranslateY(dy);
    }
  }

  void drop() {
    offset(0, 0);
    lifted = List.of();
  }

  NoteView view(String id) {
    return views.get(id);
  }

  Collection<NoteView> views() {
    return Collections.unmodifiableCollection(views.values());
  }

  /** Where the notes are drawn, in canvas units; null when there are none. */
  Bounds bounds() {
    Bounds all = null;
    // A note's height follows its text in the stylesheet's font: measured styled, even before the
    // first pulse (a freshly opened design is fitted to the window before it is shown).
    layer.applyCss();
    layer.layout();
    for (NoteView v : views.values()) {
      Bounds b = v.getBoundsInParent();
      all = union(all, b);
    }
    return all;
  }

  /** The box around both; either may be null (nothing there), and then the other is the answer. */
  static Bounds union(Bounds a, Bounds b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    double minX = Math.min(a.getMinX(), b.getMinX());
    double minY = Math.min(a.getMinY(), b.getMinY());
    double maxX = Math.max(a.getMaxX(), b.getMaxX());
    double maxY = Math.max(a.getMaxY(), b.getMaxY());
    return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }
}
