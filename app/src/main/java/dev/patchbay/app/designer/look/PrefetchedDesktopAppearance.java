package dev.patchbay.app.designer.look;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A desktop reading started at once on a thread of its own, so the window's first look does not
 * wait for gsettings: started before the toolkit, the process runs while JavaFX starts (a reading
 * took 7-300 ms here on a busy machine, two processes when GNOME's color-scheme says "default").
 * The first {@link #read} takes that result; later ones (System chosen again) read afresh.
 */
public final class PrefetchedDesktopAppearance implements DesktopAppearance {
  private final DesktopAppearance desktop;
  private final AtomicReference<CompletableFuture<Optional<Appearance>>> first;

  private PrefetchedDesktopAppearance(DesktopAppearance desktop) {
    this.desktop = desktop;
    CompletableFuture<Optional<Appearance>> reading = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        reading.complete(desktop.read());
      } catch (RuntimeException e) {
        reading.complete(Optional.empty()); // no reading: the window falls back to light
      }
    }, "patchbay-desktop-theme");
    t.setDaemon(true);
    t.start();
    first = new AtomicReference<>(reading);
  }

  public static PrefetchedDesktopAppearance start(DesktopAppearance desktop) {
    return new PrefetchedDesktopAppearance(desktop);
  }

  @Override
  public Optional<Appearance> read() {
    CompletableFuture<Optional<Appearance>> prefetched = first.getAndSet(null);
    return prefetched != null ? prefetched.join() : desktop.read(); // the reader's own limit bounds the wait
  }
}
