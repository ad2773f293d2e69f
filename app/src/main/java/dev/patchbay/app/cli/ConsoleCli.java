package dev.patchbay.app.cli;

import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.lab.LocalLabService;
import dev.patchbay.backends.os.Programs;
import dev.patchbay.model.net.LabName;
import dev.patchbay.model.net.ProcessName;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patchbay console LAB GUEST}: this terminal on a running guest's serial console, like
 * {@code virsh console}. A terminal goes into raw mode (stty, by absolute path) so every key reaches
 * the guest as typed, and is restored on the way out; Ctrl+] detaches.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Attach this terminal to the serial console of a guest that patchbay up started:",
        "keys go to the guest, its output comes here (the console's last 16 KiB first). Ctrl+]",
        "detaches; the guest keeps running. With stdin not a terminal its bytes go as they are and",
        "the console detaches when stdin ends. Exit status: 0 detached or the guest ended, 2 no such",
        "lab or guest, 5 the console is open elsewhere, 3 anything else."})
public final class ConsoleCli implements Callable<Integer> {
  /** Ctrl+], as telnet and virsh take it. */
  static final int DETACH = 0x1d;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB", description = "The lab's name (see patchbay labs).")
  String lab;

  @Parameters(index = "1", paramLabel = "GUEST", description = "The guest's name (see patchbay guests LAB).")
  String guest;

  @Override
  public Integer call() throws IOException {
    String refused = LabName.problem(lab).map(p -> "lab name " + p)
        .or(() -> ProcessName.problem(guest).map(p -> "guest name " + p)).orElse(null);
    if (refused != null) {
      spec.commandLine().getErr().println("patchbay console: " + refused);
      return PatchbayCli.UNREADABLE;
    }
    PrintStream out = System.out;
    try (LocalLabService service = LabCommands.service()) {
      if (service.labs().stream().noneMatch(l -> l.lab().equals(lab))) {
        spec.commandLine().getErr().println("patchbay console: no lab named " + lab + " (see patchbay labs)");
        return PatchbayCli.UNREADABLE;
      }
      Ended ended = new Ended();
      try (LabService.ConsoleSession session = service.openConsole(lab, guest, new Screen(out, ended))) {
        System.err.println("Connected to " + guest + "'s serial console in lab " + lab + ". Detach with Ctrl+].");
        try (RawMode raw = RawMode.enter(System.console() != null)) {
          pump(System.in, session, ended);
        }
        ended.detached = true; // the session's own close is a detach, not the guest's end
      }
      System.err.println(ended.why == null ? "\r\nDetached from " + guest + "'s console." : "\r\n" + ended.why);
      return PatchbayCli.OK;
    } catch (LabException e) {
      spec.commandLine().getErr().println("patchbay console: " + e.getMessage());
      return LabCommands.exitCode(e);
    }
  }

  /** Why the guest's console ended, once it has. */
  static final class Ended {
    volatile String why;
    volatile boolean detached;
  }

  /** The guest's output onto stdout, as it comes. */
  private record Screen(OutputStream out, Ended ended) implements LabService.ConsoleListener {
    @Override
    public void output(byte[] data) {
      try {
        out.write(data);
        out.flush();
      } catch (IOException e) {
        // stdout closed: the user stopped reading; the input side ends the session
      }
    }

    @Override
    public void ended(String why) {
      if (ended.detached) {
        return;
      }
      ended.why = "Console ended: " + why;
      output(("\r\n[" + ended.why + "; press Enter]\r\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Copies stdin to the console until Ctrl+], the end of stdin or the console's end. */
  static void pump(InputStream in, LabService.ConsoleSession session, Ended ended) throws IOException, LabException {
    byte[] buf = new byte[4096];
    for (int n = in.read(buf); n >= 0 && ended.why == null; n = in.read(buf)) {
      int detach = indexOf(buf, n, DETACH);
      int upTo = detach < 0 ? n : detach;
      if (upTo > 0) {
        session.send(java.util.Arrays.copyOf(buf, upTo));
      }
      if (detach >= 0) {
        return;
      }
    }
  }

  private static int indexOf(byte[] buf, int n, int b) {
    for (int i = 0; i < n; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The terminal in raw mode without echo while attached (stty on stdin), restored when closed. */
  static final class RawMode implements AutoCloseable {
    private final String saved;

    private RawMode(String saved) {
      this.saved = saved;
    }

    static RawMode enter(boolean terminal) throws IOException {
      if (!terminal || !Programs.installed("stty")) {
        return new RawMode(null);
      }
      String saved = stty(List.of("-g")).strip();
      stty(List.of("raw", "-echo"));
      return new RawMode(saved);
    }

    private static String stty(List<String> args) throws IOException {
      List<String> cmd = new java.util.ArrayList<>(List.of(Programs.path("stty")));
      cmd.addAll(args);
      Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      try {
        if (p.waitFor() != 0) {
          throw new IOException("stty " + String.join(" ", args) + " failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while setting the terminal up", e);
      }
      return answer;
    }

    @Override
    public void close() throws IOException {
      if (saved != null) {
        stty(List.of(saved));
      }
    }
  }
}
