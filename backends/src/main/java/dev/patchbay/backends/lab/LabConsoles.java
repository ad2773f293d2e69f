package dev.patchbay.backends.lab;

import dev.patchbay.backends.qemu.GuestConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guest consoles a lab service has open for typing, at most one per guest: QEMU serves one
 * client per console socket, and a second one would wait unserved until the first closes. The
 * caller has checked the lab and the guest against the lab's design; this only connects.
 */
final class LabConsoles {
  /** The console's end as it stood when the console opened, for the terminal's first screen. */
  @FunctionalInterface
  interface Tail {
    String read() throws LabException;
  }

  private final Set<String> open = ConcurrentHashMap.newKeySet();

  LabService.ConsoleSession open(String lab, String guest, Path runDir, Tail tail, LabService.ConsoleListener listener)
      throws LabException {
    String key = lab + "/" + guest;
    if (!open.add(key)) {
      throw new LabException(LabException.Reason.BUSY, "guest " + guest + "'s console in lab " + lab
          + " is open already");
    }
    try {
      GuestConsole console = GuestConsole.connect(runDir, guest, new GuestConsole.Listener() {
        @Override
        public void output(byte[] data) {
          listener.output(data);
        }

        @Override
        public void ended(String why) {
          open.remove(key);
          listener.ended(why);
        }
      });
      // Connected before the tail is read: a byte printed in between shows twice rather than never.
      String end;
      try {
        end = tail.read();
      } catch (LabException e) {
        console.close();
        throw e;
      }
      listener.output(end.getBytes(StandardCharsets.UTF_8));
      console.start();
      return session(console, key);
    } catch (IOException e) {
      open.remove(key);
      throw new LabException(LabException.Reason.NOT_FOUND, e.getMessage(), e);
    } catch (LabException | RuntimeException e) {
      open.remove(key);
      throw e;
    }
  }

  private LabService.ConsoleSession session(GuestConsole console, String key) {
    return new LabService.ConsoleSession() {
      @Override
      public void send(byte[] input) throws LabException {
        try {
          console.send(input);
        } catch (IOException e) {
          throw new LabException(LabException.Reason.UNAVAILABLE, "cannot type into the console: " + e.getMessage(), e);
        }
      }

      @Override
      public void close() {
        open.remove(key);
        console.close();
      }
    };
  }
}
