package dev.patchbay.app.designer.look;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GnomeDesktopAppearanceTest {
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  @ParameterizedTest(name = "color-scheme {0}")
  @CsvSource(delimiter = '|', value = {"'prefer-dark'|DARK", "'prefer-light'|LIGHT", "'default'|", "''|"})
  void gnomesColorScheme(String answer, Appearance expected) {
    assertEquals(Optional.ofNullable(expected), GnomeDesktopAppearance.fromColorScheme(answer + "\n"));
  }

  @ParameterizedTest(name = "theme {0}")
  @CsvSource({"'Adwaita-dark', DARK", "'Adwaita', LIGHT", "Adwaita:dark, DARK", "Yaru-Dark, DARK", "Breeze, LIGHT"})
  void aThemesName(String answer, Appearance expected) {
    assertEquals(expected, GnomeDesktopAppearance.fromThemeName(answer));
  }

  @Test
  void gtkThemeInTheEnvironmentWinsOverTheSettings() throws IOException {
    Path gsettings = fakeGsettings("echo \"'prefer-light'\"");
    assertEquals(Optional.of(Appearance.DARK), reader(Map.of("GTK_THEME", "Adwaita:dark"), gsettings).read());
    assertEquals(Optional.of(Appearance.LIGHT), reader(Map.of("GTK_THEME", "Adwaita"), gsettings).read());
  }

  @Test
  void readsTheColorSchemeThenTheThemeName() throws IOException {
    assertEquals(Optional.of(Appearance.DARK), reader(Map.of(), fakeGsettings(
        "case \"$1 $2 $3\" in \"get org.gnome.desktop.interface color-scheme\") echo \"'prefer-dark'\";; *) exit 9;; esac"))
        .read());
    assertEquals(Optional.of(Appearance.DARK), reader(Map.of(), fakeGsettings(
        "case \"$3\" in color-scheme) echo \"'default'\";; gtk-theme) echo \"'Adwaita-dark'\";; esac")).read());
    assertEquals(Optional.of(Appearance.LIGHT), reader(Map.of(), fakeGsettings(
        "case \"$3\" in color-scheme) echo \"'default'\";; gtk-theme) echo \"'Adwaita'\";; esac")).read());
  }

  @Test
  void noAnswerWhenGsettingsIsMissingOrFails() throws IOException {
    assertEquals(Optional.empty(), reader(Map.of(), dir.resolve("absent")).read());
    assertEquals(Optional.empty(), reader(Map.of(), fakeGsettings("echo 'No such schema' >&2; exit 1")).read());
  }

  @Test
  void noAnswerWhenGsettingsHangs() throws IOException {
    Path hangs = fakeGsettings("exec sleep 600");
    assertEquals(Optional.empty(), new GnomeDesktopAppearance(k -> null, hangs, Duration.ofMillis(300)).read());
  }

  private GnomeDesktopAppearance reader(Map<String, String> env, Path gsettings) {
    return new GnomeDesktopAppearance(env::get, gsettings, LIMIT);
  }

  private Path fakeGsettings(String body) throws IOException {
    Path p = Files.createTempFile(dir, "gsettings", "");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }
}
