package dev.patchbay.app.designer.look;

import java.util.Optional;

/**
 * What the desktop prefers, light or dark; empty when it cannot be told (no desktop setting, no
 * tool to read it, no answer in time). Read again each time "System" is chosen.
 */
@FunctionalInterface
public interface DesktopAppearance {
  Optional<Appearance> read();
}
