package dev.patchbay.backends.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a program from an argument list (never through a shell) and collects what it printed. */
public final class Commands {

  /** What a finished program left behind. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Throws with the program's own words when it failed. */
    public Result orThrow() {
      if (!ok()) {
        throw new CommandFailedException(this);
      }
      return this;
    }
  }

  /** A program exited with a non-zero status; the message names the command and its stderr. */
  public static final class CommandFailedException extends RuntimeException {
    private final transient Result result;

    public CommandFailedException(Result r) {
      super(String.join(" ", r.command()) + " exited with " + r.exitCode() + ": " + r.stderr().strip());
      this.result = r;
    }

    public Result result() {
      return result;
    }
  }

  private Commands() {}

  public static Result run(List<String> command, Path directory, Duration timeout) {
    return run(command, directory, timeout, new byte[0]);
  }

  /** As {@link #run(List, Path, Duration)}, with bytes for the program's standard input. */
  public static Result run(List<String> command, Path directory, Duration timeout, byte[] input) {
    List<String> absolute = new java.util.ArrayList<>(command);
    // A bare name is looked up in the system's folders, never through PATH or the working directory.
    if (!command.get(0).startsWith("/")) {
      absolute.set(0, dev.patchbay.backends.os.Programs.path(command.get(0)));
    }
    ProcessBuilder pb = new ProcessBuilder(absolute);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    try {
      Process p = pb.start();
      try (var stdin = p.getOutputStream()) {
        stdin.write(input);
      }
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor();
        return new Result(command, -1, out.join(), err.join() + "\n(killed after " + timeout.toSeconds() + " s)");
      }
      return new Result(command, p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    // One thread per stream: the common pool may have a single worker on two cores, and a
    // program blocked on a full stderr pipe would then never finish.
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        text.complete(buf.toString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        text.complete("");
      }
    }, "drain");
    t.setDaemon(true);
    t.start();
    return text;
  }
}
