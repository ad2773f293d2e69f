package dev.patchbay.app.designer.look;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The theme the user chose (View > Theme) and the appearance it comes to: "System" asks the desktop
 * each time it is chosen and falls back to light when the desktop does not say. The choice is kept
 * wherever the caller remembers it (the user's preferences for the real window).
 */
public final class ThemeViewModel {
  static final String KEY = "theme";
  private final DesktopAppearance desktop;
  private final ObjectProperty<ThemeChoice> choice;
  private final ReadOnlyObjectWrapper<Appearance> appearance = new ReadOnlyObjectWrapper<>();
  private final Map<ThemeChoice, BooleanProperty> chosen = new EnumMap<>(ThemeChoice.class);

  public ThemeViewModel(ThemeChoice initial, Consumer<ThemeChoice> remember, DesktopAppearance desktop) {
    this.desktop = Objects.requireNonNull(desktop);
    choice = new SimpleObjectProperty<>(Objects.requireNonNull(initial));
    appearance.set(resolve(initial));
    for (ThemeChoice c : ThemeChoice.values()) {
      BooleanProperty on = new SimpleBooleanProperty(c == initial);
      on.addListener((o, was, now) -> {
        if (now && choice.get() != c) {
          choose(c);
        }
      });
      chosen.put(c, on);
    }
    choice.addListener((o, was, now) -> {
      remember.accept(now);
      chosen.forEach((c, on) -> on.set(c == now));
    });
  }

  /** The window's model: the choice kept in {@code prefs}, the desktop read by {@code desktop}. */
  public static ThemeViewModel remembered(Preferences prefs, DesktopAppearance desktop) {
    ThemeChoice initial = parse(prefs.get(KEY, null)).orElse(ThemeChoice.SYSTEM);
    return new ThemeViewModel(initial, c -> prefs.put(KEY, c.name()), desktop);
  }

  /** The user's choice, in their preferences; the desktop's preference read by {@code desktop}. */
  public static ThemeViewModel forUser(DesktopAppearance desktop) {
    return remembered(Preferences.userRoot().node("dev/patchbay/designer"), desktop);
  }

  /** Light, kept nowhere, the desktop not asked: a window nobody chose a theme for (tests, exports). */
  public static ThemeViewModel light() {
    return new ThemeViewModel(ThemeChoice.LIGHT, c -> { }, Optional::empty);
  }

  private static Optional<ThemeChoice> parse(String stored) {
    for (ThemeChoice c : ThemeChoice.values()) {
      if (c.name().equals(stored)) {
        return Optional.of(c);
      }
    }
    return Optional.empty(); // never set, or written by another version: follow the desktop
  }

  /** Chooses a theme; choosing System again reads the desktop again (it may have changed since). */
  public void choose(ThemeChoice c) {
    choice.set(Objects.requireNonNull(c));
    appearance.set(resolve(c));
  }

  public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
    return choice;
  }

  /** Light or dark, as the window should be drawn now. */
  public ReadOnlyObjectProperty<Appearance> appearanceProperty() {
    return appearance.getReadOnlyProperty();
  }

  /** True while {@code c} is the choice; setting it true chooses it (a menu's radio item binds here). */
  public BooleanProperty chosen(ThemeChoice c) {
    return chosen.get(c);
  }

  private Appearance resolve(ThemeChoice c) {
    return switch (c) {
      case LIGHT -> Appearance.LIGHT;
      case DARK -> Appearance.DARK;
      case SYSTEM -> desktop.read().orElse(Appearance.LIGHT);
    };
  }
}
