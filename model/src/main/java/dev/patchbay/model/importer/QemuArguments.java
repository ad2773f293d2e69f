package dev.patchbay.model.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One QEMU command line split into its program, its options (name and value) and its other words
 * (a disk image). Options QEMU knows to take no value are flags; an unknown option takes the next
 * word as its value unless that word is itself an option.
 */
public record QemuArguments(String program, List<Option> options, List<String> positionals) {

  /** An option without its dashes ({@code net}, {@code m}); value null for a flag. */
  public record Option(String name, String value, int position) {}

  private static final Set<String> FLAGS = Set.of("localtime", "nographic", "enable-kvm", "snapshot", "daemonize",
      "S", "s", "no-reboot", "no-shutdown", "no-acpi", "no-hpet", "usb", "full-screen", "no-fd-bootchk",
      "win2k-hack", "std-vga", "no-quit", "no-frame", "alt-grab", "ctrl-grab", "no-user-config", "nodefaults");
  private static final Set<String> WITH_VALUE = Set.of("net", "netdev", "device", "nic", "redir", "name", "m",
      "machine", "M", "hda", "hdb", "hdc", "hdd", "fda", "drive", "boot", "k", "cdrom", "smp", "cpu", "kernel",
      "initrd", "append", "serial", "monitor", "qmp", "display", "vga", "vnc", "object", "chardev", "pidfile",
      "rtc", "accel", "usbdevice", "bios", "L", "global", "mem-path", "vdesock");

  /**
   * Splits the words. {@code index} names the command line in messages (1 for the first). A
   * leading {@code vdeq}/{@code vqeq -vdesock PATH} wrapper (the classic notes' VDE examples) is kept as a -vdesock option.
   */
  public static QemuArguments parse(List<String> words, int index) {
    if (words.isEmpty()) {
      throw new ImportException("command line " + index + " is empty");
    }
    List<Option> options = new ArrayList<>();
    List<String> positionals = new ArrayList<>();
    String program = words.get(0);
    int i = 1;
    if (isVdeWrapper(program)) {
      for (; i < words.size() && words.get(i).startsWith("-"); i += 2) {
        options.add(new Option(words.get(i).replaceFirst("^--?", ""), value(words, i, index), i));
      }
      if (i >= words.size()) {
        throw new ImportException("command line " + index + ": " + program + " names no QEMU program to run");
      }
      program = words.get(i++);
    }
    for (; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("...")) {
        continue; // the classic notes write "..." for "and the rest of your options"
      }
      if (!w.startsWith("-") || w.equals("-")) {
        positionals.add(w);
        continue;
      }
      String name = w.replaceFirst("^--?", "");
      boolean takes = WITH_VALUE.contains(name)
          || (!FLAGS.contains(name) && i + 1 < words.size() && !words.get(i + 1).startsWith("-"));
      options.add(new Option(name, takes ? value(words, i, index) : null, i));
      if (takes) {
        i++;
      }
    }
    return new QemuArguments(program, List.copyOf(options), List.copyOf(positionals));
  }

  private static boolean isVdeWrapper(String program) {
    String base = program.substring(program.lastIndexOf('/') + 1);
    return base.equals("vdeq") || base.equals("vqeq");
  }

  private static String value(List<String> words, int i, int index) {
    if (i + 1 >= words.size()) {
      throw new ImportException("command line " + index + ": " + words.get(i) + " (word " + i + ") needs a value");
    }
    return words.get(i + 1);
  }

  /** The QEMU system target: qemu-system-x86_64 gives x86_64; plain qemu or kvm is a PC. */
  public String arch() {
    String base = program.substring(program.lastIndexOf('/') + 1);
    return base.startsWith("qemu-system-") ? base.substring("qemu-system-".length()) : "x86_64";
  }
}
