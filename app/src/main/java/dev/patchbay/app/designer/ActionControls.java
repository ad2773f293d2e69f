package dev.patchbay.app.designer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/**
 * Makes controls from {@link UserAction}s: each takes its text, shortcut, icon and enabled state
 * from the action, and forwards to it. A control keeps its action under {@link #ACTION} in its
 * properties, so tests can see which definition it shows.
 */
final class ActionControls {
  static final String ACTION = UserAction.class.getName();
  /** In a list of menu entries: a separator. */
  static final String SEPARATOR = "-";

  private ActionControls() {}

  /** A menu item with id {@code prefix + action id}: "menu" for the menu bar, "context" for a context menu. */
  static MenuItem menuItem(String prefix, UserAction a) {
    MenuItem item = a.state().isEmpty() ? new MenuItem() : a.isChoice() ? new RadioMenuItem() : new CheckMenuItem();
    item.setId(prefix + a.id());
    item.textProperty().bind(a.label());
    a.accelerator().ifPresent(item::setAccelerator);
    a.newIcon().ifPresent(item::setGraphic);
    item.disableProperty().bind(a.disabledWhen());
    if (item instanceof CheckMenuItem check) {
      check.selectedProperty().bindBidirectional(a.state().orElseThrow());
    } else if (item instanceof RadioMenuItem radio) {
      radio.selectedProperty().bindBidirectional(a.state().orElseThrow());
    } else {
      item.setOnAction(e -> a.perform());
    }
    item.getProperties().put(ACTION, a);
    return item;
  }

  /**
   * Menu items in order: each entry is an action's id, {@link #SEPARATOR}, or a ready item (a
   * submenu); the choices among them share one toggle group.
   */
  static List<MenuItem> menuItems(String prefix, DesignerActions actions, Object... entries) {
    ToggleGroup choices = new ToggleGroup();
    List<MenuItem> items = new ArrayList<>();
    for (Object entry : entries) {
      MenuItem item = entry instanceof MenuItem ready ? ready
          : SEPARATOR.equals(entry) ? new SeparatorMenuItem() : menuItem(prefix, actions.get((String) entry));
      if (item instanceof RadioMenuItem radio) {
        radio.setToggleGroup(choices);
      }
      items.add(item);
    }
    return items;
  }

  /** A toolbar button with id "tool" + action id: the action's name, its label and shortcut in the tooltip. */
  static ButtonBase button(UserAction a) {
    ButtonBase b;
    if (a.state().isPresent()) {
      ToggleButton toggle = new ToggleButton(a.name());
      toggle.selectedProperty().bindBidirectional(a.state().get());
      b = toggle;
    } else {
      b = new Button(a.name());
      b.setOnAction(e -> a.perform());
    }
    b.setId("tool" + a.id());
    a.newIcon().ifPresent(b::setGraphic);
    b.disableProperty().bind(a.disabledWhen());
    b.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(tooltipText(a));
    b.setTooltip(tip);
    b.getProperties().put(ACTION, a);
    return b;
  }

  /** The label, the shortcut as this platform writes it, and the hint on a second line. */
  static StringExpression tooltipText(UserAction a) {
    String keys = a.accelerator().map(k -> " (" + k.getDisplayText() + ")").orElse("");
    String hint = a.hint().map(h -> "\n" + h).orElse("");
    return Bindings.concat(a.label(), keys + hint);
  }

  /** The action a control was made from. */
  static UserAction actionOf(Control c) {
    return (UserAction) c.getProperties().get(ACTION);
  }

  static UserAction actionOf(MenuItem i) {
    return (UserAction) i.getProperties().get(ACTION);
  }
}
