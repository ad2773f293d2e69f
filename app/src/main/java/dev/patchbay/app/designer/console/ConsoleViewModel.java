package dev.patchbay.app.designer.console;

import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One guest's interactive serial console: opens it through the lab service (the agent), keeps what
 * the guest printed as a terminal shows it ({@link TerminalScreen}), and types what the user types.
 * Opening and typing run on {@code io}, one after another in the order typed; the text reaches the
 * view through {@code fx}, at most one update queued at a time however fast the guest prints.
 */
public final class ConsoleViewModel {
  /** Keeps a boot log and a long session; older lines go. */
  static final int SCROLLBACK_LINES = 5000;

  /** Opens a guest's console of the running lab. */
  @FunctionalInterface
  public interface Opener {
    LabService.ConsoleSession open(String guest, LabService.ConsoleListener listener) throws LabException;
  }

  private final String guest;
  private final Opener opener;
  private final Executor io;
  private final Executor fx;
  private final TerminalScreen screen = new TerminalScreen(SCROLLBACK_LINES);
  private final AtomicBoolean updateQueued = new AtomicBoolean();
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
  private volatile LabService.ConsoleSession session;
  private volatile int cursor;
  private final AtomicBoolean opening = new AtomicBoolean();

  public ConsoleViewModel(String guest, Opener opener, Executor io, Executor fx) {
    this.guest = guest;
    this.opener = opener;
    this.io = io;
    this.fx = fx;
  }

  public String guest() {
    return guest;
  }

  /** Connects (again, after it ended); the status says how it went. */
  public void open() {
    if (session != null || !opening.compareAndSet(false, true)) {
      return;
    }
    status.set("Connecting to " + guest + "'s serial console...");
    io.execute(() -> {
      try {
        session = opener.open(guest, new LabService.ConsoleListener() {
          @Override
          public void output(byte[] data) {
            shown(data);
          }

          @Override
          public void ended(String why) {
            session = null;
            fx.execute(() -> {
              connected.set(false);
              status.set("Console ended: " + why + ". Close the tab, or open the console again to reconnect.");
            });
          }
        });
        fx.execute(() -> {
          connected.set(true);
          status.set("Connected to " + guest + "'s serial console: type here (Ctrl+Shift+C copies).");
        });
      } catch (LabException e) {
        fx.execute(() -> status.set("No console: " + e.getMessage()));
      } finally {
        opening.set(false);
      }
    });
  }

  private void shown(byte[] data) {
    synchronized (screen) {
      screen.feed(data);
    }
    if (updateQueued.compareAndSet(false, true)) {
      fx.execute(() -> {
        updateQueued.set(false);
        synchronized (screen) {
          cursor = screen.cursor();
          text.set(screen.text());
        }
      });
    }
  }

  /** Sends {@code bytes} to the guest, after what was typed before; nothing while not connected. */
  public void type(byte[] bytes) {
    io.execute(() -> {
      LabService.ConsoleSession s = session;
      if (s == null) {
        return;
      }
      try {
        s.send(bytes);
      } catch (LabException e) {
        fx.execute(() -> status.set("Typing failed: " + e.getMessage()));
      }
    });
  }

  /** Hangs up; the guest keeps running. */
  public void close() {
    io.execute(() -> {
      LabService.ConsoleSession s = session;
      session = null;
      if (s != null) {
        s.close();
      }
    });
  }

  /** What the terminal shows: the scrollback and the cursor's line. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Where the cursor is in {@link #textProperty}, as of its last change. */
  public int cursor() {
    return cursor;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty connectedProperty() {
    return connected.getReadOnlyProperty();
  }
}
