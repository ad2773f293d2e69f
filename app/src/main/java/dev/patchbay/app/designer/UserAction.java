package dev.patchbay.app.designer;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;

/**
 * One thing a user can do in the designer, defined once. Menus, the toolbar, the canvas's context
 * menu and the key map are all built from it, so each place shows the same name and shortcut and
 * is enabled by the same condition.
 *
 * <p>{@link #name()} is what the action is called (a toolbar button's text); {@link #label()} is
 * what a menu says now: the name, with "..." when a dialog asks something first, or a live text
 * such as "Undo Add guest". An action with a {@link #state()} is a setting (a check or a choice):
 * its controls bind to the state, and performing it flips the setting or selects the choice.
 */
public final class UserAction implements dev.patchbay.app.designer.help.ShortcutList.Keyed {
  private static final ObservableBooleanValue ALWAYS = new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
  private final String id;
  private final String name;
  private final ObservableStringValue label;
  private final KeyCombination accelerator;
  private final String hint;
  private final Supplier<Node> icon;
  private final ObservableBooleanValue enabledWhen;
  private final BooleanBinding disabled;
  private final BooleanProperty state;
  private final boolean choice;
  private final Runnable handler;

  private UserAction(Builder b, BooleanProperty state, boolean choice, Runnable handler) {
    this.id = b.id;
    this.name = b.name;
    this.label = b.label != null ? b.label
        : new ReadOnlyStringWrapper(b.asks ? b.name + "..." : b.name).getReadOnlyProperty();
    this.accelerator = b.accelerator;
    this.hint = b.hint;
    this.icon = b.icon;
    this.enabledWhen = b.enabledWhen;
    // One negation per action, shared by every control that binds its disable to it.
    this.disabled = Bindings.not(b.enabledWhen);
    this.state = state;
    this.choice = choice;
    this.handler = handler;
  }

  /** Starts the definition of an action; {@code id} names its controls ("menu" + id, "tool" + id). */
  public static Builder define(String id, String name) {
    return new Builder(id, name);
  }

  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  public ObservableStringValue label() {
    return label;
  }

  @Override
  public Optional<KeyCombination> accelerator() {
    return Optional.ofNullable(accelerator);
  }

  /** A line a tooltip adds below the label and shortcut. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** A new icon node for one control (a node can only sit in one place), if the action has an icon. */
  public Optional<Node> newIcon() {
    return icon == null ? Optional.empty() : Optional.of(icon.get());
  }

  public ObservableBooleanValue enabledWhen() {
    return enabledWhen;
  }

  /** The negation of {@link #enabledWhen()} that controls bind their disable property to. */
  public ObservableBooleanValue disabledWhen() {
    return disabled;
  }

  /** The setting an action of the check or choice kind shows and changes. */
  public Optional<BooleanProperty> state() {
    return Optional.ofNullable(state);
  }

  /** True for one of a group of exclusive choices (radio items), false for a check or a plain action. */
  public boolean isChoice() {
    return choice;
  }

  /** Runs the handler when the action is enabled; a key or a stale control never runs a disabled action. */
  public void perform() {
    if (enabledWhen.get()) {
      handler.run();
    }
  }

  @Override
  public String toString() {
    return id + " (" + label.get() + (accelerator == null ? "" : ", " + accelerator.getName()) + ")";
  }

  /** The parts of a definition; ends with what the action does. */
  public static final class Builder {
    private final String id;
    private final String name;
    private ObservableStringValue label;
    private boolean asks;
    private KeyCombination accelerator;
    private String hint;
    private Supplier<Node> icon;
    private ObservableBooleanValue enabledWhen = ALWAYS;

    private Builder(String id, String name) {
      this.id = Objects.requireNonNull(id);
      this.name = Objects.requireNonNull(name);
    }

    /** A dialog asks something before anything happens: menus show the name with "...". */
    public Builder asks() {
      asks = true;
      return this;
    }

    /** A menu label that follows the document ("Undo Add guest") instead of the plain name. */
    public Builder label(ObservableStringValue live) {
      label = Objects.requireNonNull(live);
      return this;
    }

    /** The shortcut, in {@link KeyCombination#keyCombination(String)} form ("Shortcut+Z"). */
    public Builder keys(String combination) {
      accelerator = KeyCombination.keyCombination(combination);
      return this;
    }

    public Builder hint(String line) {
      hint = line;
      return this;
    }

    public Builder icon(Supplier<Node> newIcon) {
      icon = newIcon;
      return this;
    }

    public Builder enabledWhen(ObservableBooleanValue condition) {
      enabledWhen = Objects.requireNonNull(condition);
      return this;
    }

    /** A plain action. */
    public UserAction does(Runnable handler) {
      return new UserAction(this, null, false, Objects.requireNonNull(handler));
    }

    /** A check: controls show and change {@code setting}; performing the action flips it. */
    public UserAction toggles(BooleanProperty setting) {
      return new UserAction(this, setting, false, () -> setting.set(!setting.get()));
    }

    /** One of a group of exclusive choices: controls show {@code chosen}; performing it chooses it. */
    public UserAction chooses(BooleanProperty chosen) {
      return new UserAction(this, chosen, true, () -> chosen.set(true));
    }
  }
}
