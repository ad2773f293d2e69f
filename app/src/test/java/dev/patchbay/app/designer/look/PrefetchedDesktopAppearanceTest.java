package dev.patchbay.app.designer.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrefetchedDesktopAppearanceTest {
  @Test
  void theFirstReadingRunsOnItsOwnThreadAndLaterOnesReadAgain() {
    AtomicReference<Optional<Appearance>> says = new AtomicReference<>(Optional.of(Appearance.DARK));
    List<String> threads = new CopyOnWriteArrayList<>();
    PrefetchedDesktopAppearance desktop = PrefetchedDesktopAppearance.start(() -> {
      threads.add(Thread.currentThread().getName());
      return says.get();
    });
    assertEquals(Optional.of(Appearance.DARK), desktop.read());
    assertEquals(List.of("patchbay-desktop-theme"), threads, "read once, ahead, off the caller's thread");
    says.set(Optional.empty());
    assertEquals(Optional.empty(), desktop.read(), "System chosen again: the desktop is read again");
    assertEquals(2, threads.size());
    assertNotEquals("patchbay-desktop-theme", threads.get(1));
  }

  @Test
  void aReaderThatFailsCountsAsNoAnswer() {
    PrefetchedDesktopAppearance desktop = PrefetchedDesktopAppearance.start(() -> {
      throw new IllegalStateException("no desktop");
    });
    assertEquals(Optional.empty(), desktop.read());
  }
}
