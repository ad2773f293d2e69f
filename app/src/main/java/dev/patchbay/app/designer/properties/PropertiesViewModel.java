package dev.patchbay.app.designer.properties;

import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The property panel's state: the one selected element, its fields, and edits as commands. Fields
 * are rebuilt when the selection or the element's shape (its NICs) changes; a plain value change
 * only bumps {@link #refreshProperty()} so editors keep focus while the user tabs through them.
 */
public final class PropertiesViewModel {
  private final DocumentViewModel document;
  private final CanvasViewModel canvas;
  private final ReadOnlyObjectWrapper<Element> element = new ReadOnlyObjectWrapper<>();
  private final ObservableList<PropertyField> fields = FXCollections.observableArrayList();
  private final ReadOnlyLongWrapper refresh = new ReadOnlyLongWrapper();
  private final javafx.beans.property.ReadOnlyStringWrapper header = new javafx.beans.property.ReadOnlyStringWrapper();
  /** What the panel says about the user's last edit in it (a refusal, a side effect); the next edit clears it. */
  private final javafx.beans.property.StringProperty notice = new javafx.beans.property.SimpleStringProperty("");

  public PropertiesViewModel(DocumentViewModel document, CanvasViewModel canvas) {
    this.document = document;
    this.canvas = canvas;
    canvas.selection().addChangeListener(this::follow);
    document.addChangeListener(this::changed);
    document.addReplaceListener(t -> follow());
    dev.patchbay.app.designer.document.LastActionMessage.clearOnNextEdit(document, notice);
    follow();
  }

  /**
   * Runs once per change of the selection (not once per id: selecting 500 nodes built the first
   * one's fields and tore them down again); rebuilds the fields only when the element to show changes.
   */
  private void follow() {
    var ids = canvas.selection().ids();
    Element e = ids.size() == 1 ? document.topology().element(ids.iterator().next()).orElse(null) : null;
    if (e != element.get() || e == null && !fields.isEmpty()) {
      show(e);
    }
    header.set(e != null ? e.kind().label() + "  " + e.id()
        : ids.size() > 1 ? ids.size() + " items selected: select one to edit it"
        : ids.size() == 1 && document.topology().note(ids.iterator().next()).isPresent()
            ? "Note " + ids.iterator().next() + " (double-click it to edit its text)"
        : ids.size() == 1 ? "Link " + ids.iterator().next() + " (delete it to rewire)"
        : "Select one element to edit it");
  }

  private void show(Element e) {
    if (e == null || element.get() == null || !e.id().equals(element.get().id())) {
      notice.set(""); // it spoke of the element shown before
    }
    element.set(e);
    fields.setAll(e == null ? List.of() : FieldCatalog.fieldsOf(e));
  }

  private void changed(TopologyChange c) {
    Element shown = element.get();
    if (shown == null || !(c instanceof TopologyChange.ElementReplaced r) || !r.after().id().equals(shown.id())) {
      return;
    }
    if (nicNames(r.before()).equals(nicNames(r.after()))) {
      element.set(r.after());
      refresh.set(refresh.get() + 1);
    } else {
      show(r.after());
    }
  }

  private static List<String> nicNames(Element e) {
    return e instanceof Guest g ? g.nics().stream().map(Nic::name).toList() : List.of();
  }

  /** The field's value in the shown element; null for a field of an element no longer shown. */
  public Object value(PropertyField f) {
    Element e = element.get();
    return e == null || !isShown(f) ? null : f.read(e);
  }

  private boolean isShown(PropertyField f) {
    return fields.stream().anyMatch(x -> x == f);
  }

  public Optional<String> problem(PropertyField f, String text) {
    return ValueChecks.problem(f.kind(), text);
  }

  /** What Enter on this text says when the value is refused: it is not applied, and why. */
  public Optional<String> refusal(PropertyField f, String text) {
    return problem(f, text).map(p -> "Not applied: " + p + ". Correct it and press Enter again.");
  }

  /** Commits an edited value as one undo step; false when invalid or unchanged. */
  public boolean commit(PropertyField f, Object value) {
    Element before = element.get();
    if (before == null || !isShown(f) || (value instanceof String s && problem(f, s).isPresent())) {
      return false;
    }
    Element after = f.write(before, value);
    if (Objects.equals(after, before)) {
      return false;
    }
    Optional<String> switched = f.kind() == EditorKind.CHOICE ? Optional.empty()
        : GuestFields.switchedToStatic(before, after);
    document.push(new ReplaceElementCommand(after, "Set " + f.name() + " of " + before.name()));
    switched.ifPresent(notice::set);
    return true;
  }

  /** A fresh MAC for the "generate" button: unique in the design and not QEMU's default. */
  public String generateMac() {
    return canvas.factory().freshMac(document.topology());
  }

  public void addNic() {
    if (element.get() instanceof Guest g) {
      String name = freeNicName(g);
      List<Nic> nics = new ArrayList<>(g.nics());
      nics.add(canvas.factory().newNic(name, document.topology()));
      document.push(new ReplaceElementCommand(g.withNics(nics), "Add " + name + " to " + g.name()));
    }
  }

  /** Removes a NIC; refused while a link still uses it, because the link would dangle (the notice says so). */
  public Optional<String> removeNic(String nic) {
    if (!(element.get() instanceof Guest g) || g.nic(nic).isEmpty()) {
      notice.set("no NIC " + nic);
      return Optional.of("no NIC " + nic);
    }
    if (!document.topology().linksAt(new dev.patchbay.model.topology.Endpoint(g.id(), nic)).isEmpty()) {
      notice.set(nic + " is wired: delete its link first");
      return Optional.of(notice.get());
    }
    List<Nic> nics = g.nics().stream().filter(n -> !n.name().equals(nic)).toList();
    document.push(new ReplaceElementCommand(g.withNics(nics), "Remove " + nic + " from " + g.name()));
    return Optional.empty();
  }

  private static String freeNicName(Guest g) {
    for (int i = 0; ; i++) {
      if (g.nic("nic" + i).isEmpty()) {
        return "nic" + i;
      }
    }
  }

  public ObservableList<PropertyField> fields() {
    return fields;
  }

  public ReadOnlyObjectProperty<Element> elementProperty() {
    return element.getReadOnlyProperty();
  }

  /** What the panel shows above the values: the element, or why there is nothing to edit. */
  public javafx.beans.property.ReadOnlyStringProperty headerProperty() {
    return header.getReadOnlyProperty();
  }

  /** The panel's message about the last edit made in it; cleared by the next edit of the design. */
  public javafx.beans.property.ReadOnlyStringProperty noticeProperty() {
    return notice;
  }

  public ReadOnlyLongProperty refreshProperty() {
    return refresh.getReadOnlyProperty();
  }
}
