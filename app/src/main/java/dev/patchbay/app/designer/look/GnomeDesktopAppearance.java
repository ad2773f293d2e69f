package dev.patchbay.app.designer.look;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop's light-or-dark preference on Linux, as GTK and GNOME keep it: the {@code GTK_THEME}
 * variable when set ("Adwaita:dark"), else GNOME's {@code color-scheme} setting ("prefer-dark"), else
 * the name of its GTK theme ("Adwaita-dark"). The settings are read by running gsettings by its
 * absolute path with an argument list (no shell, nothing from PATH) and a short limit, since a
 * desktop bus that does not answer must not hold the window up.
 */
public final class GnomeDesktopAppearance implements DesktopAppearance {
  static final Path GSETTINGS = Path.of("/usr/bin/gsettings");
  private static final String SCHEMA = "org.gnome.desktop.interface";
  private static final Duration LIMIT = Duration.ofMillis(800);
  private static final int MAX_ANSWER = 256;
  private static final Logger LOG = Logger.getLogger(GnomeDesktopAppearance.class.getName());
  private final Function<String, String> env;
  private final Path gsettings;
  private final Duration limit;

  public GnomeDesktopAppearance() {
    this(System::getenv, GSETTINGS, LIMIT);
  }

  GnomeDesktopAppearance(Function<String, String> env, Path gsettings, Duration limit) {
    this.env = env;
    this.gsettings = gsettings;
    this.limit = limit;
  }

  @Override
  public Optional<Appearance> read() {
    String gtkTheme = env.apply("GTK_THEME");
    if (gtkTheme != null && !gtkTheme.isBlank()) {
      return Optional.of(fromThemeName(gtkTheme)); // set for this program: it wins over the settings
    }
    Optional<Appearance> scheme = setting("color-scheme").flatMap(GnomeDesktopAppearance::fromColorScheme);
    if (scheme.isPresent()) {
      return scheme;
    }
    return setting("gtk-theme").map(GnomeDesktopAppearance::fromThemeName);
  }

  /** GNOME 42's setting: 'prefer-dark', 'prefer-light', or 'default' (no preference: empty). */
  static Optional<Appearance> fromColorScheme(String answer) {
    return switch (unquote(answer)) {
      case "prefer-dark" -> Optional.of(Appearance.DARK);
      case "prefer-light" -> Optional.of(Appearance.LIGHT);
      default -> Optional.empty();
    };
  }

  /** A GTK theme name: "Adwaita:dark" (GTK_THEME's variant) or a name ending in "-dark" is dark. */
  static Appearance fromThemeName(String answer) {
    String name = unquote(answer).toLowerCase(Locale.ROOT);
    return name.endsWith(":dark") || name.endsWith("-dark") ? Appearance.DARK : Appearance.LIGHT;
  }

  /** gsettings prints a string value in single quotes. */
  private static String unquote(String answer) {
    String s = answer.strip();
    return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
  }

  /** The value of one key, or empty when gsettings is missing, fails, or does not answer in time. */
  private Optional<String> setting(String key) {
    if (!Files.isExecutable(gsettings)) {
      return Optional.empty();
    }
    Process p = null;
    try {
      p = new ProcessBuilder(List.of(gsettings.toString(), "get", SCHEMA, key))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.fine(() -> "gsettings did not answer within " + limit.toMillis() + " ms");
        return Optional.empty();
      }
      if (p.exitValue() != 0) {
        return Optional.empty(); // no such schema: not a GNOME-like desktop
      }
      try (InputStream out = p.getInputStream()) {
        return Optional.of(new String(out.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not run gsettings", e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }
}
