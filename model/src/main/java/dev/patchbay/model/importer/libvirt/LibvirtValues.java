package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.text.Printable;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * libvirt's words turned into Patchbay's values, each checked: memory sizes with their units,
 * the QEMU target and machine type (by the shared {@link ForeignNics} rule), ports. What does not fit falls back to a safe
 * default and says so in {@code warnings}, as the shared import rules ask.
 */
final class LibvirtValues {
  /** Bytes per unit, as formatdomain's "Memory Allocation" lists them; no unit means KiB. */
  private static final Map<String, Long> UNITS = Map.ofEntries(Map.entry("b", 1L), Map.entry("bytes", 1L),
      Map.entry("KB", 1000L), Map.entry("k", 1024L), Map.entry("KiB", 1024L), Map.entry("MB", 1000_000L),
      Map.entry("M", 1L << 20), Map.entry("MiB", 1L << 20), Map.entry("GB", 1000_000_000L),
      Map.entry("G", 1L << 30), Map.entry("GiB", 1L << 30), Map.entry("TB", 1000_000_000_000L),
      Map.entry("T", 1L << 40), Map.entry("TiB", 1L << 40));

  private LibvirtValues() {}

  /** A size in the unit libvirt names, in MiB (rounded up: a guest never gets less than asked). */
  static int memoryMiB(String amount, String unit, String where) {
    String u = unit == null ? "KiB" : unit;
    Long factor = UNITS.get(u);
    if (factor == null) {
      factor = UNITS.get(u.toLowerCase(Locale.ROOT));
    }
    if (factor == null) {
      throw new ImportException(where + ": memory unit " + Printable.quoted(u) + " is not one libvirt writes;"
          + " expected one of b, KB, k, KiB, MB, M, MiB, GB, G, GiB, TB, T, TiB");
    }
    if (amount == null || !amount.matches("[0-9]{1,20}")) {
      throw new ImportException(where + ": memory " + Printable.quoted(amount) + " is not a whole number");
    }
    BigInteger bytes = new BigInteger(amount).multiply(BigInteger.valueOf(factor));
    BigInteger mib = bytes.add(BigInteger.valueOf((1L << 20) - 1)).shiftRight(20);
    if (mib.signum() == 0 || mib.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new ImportException(where + ": memory " + amount + " " + u + " is not a size a guest can have");
    }
    return mib.intValue();
  }

  /** dumpxml always names the target, so a file without one was edited by hand: say what is assumed. */
  static String arch(String arch, String where, List<String> warnings) {
    if (arch == null) {
      warnings.add(where + ": no arch given; x86_64 assumed");
    }
    return ForeignNics.arch(arch, where, warnings);
  }

  /** As {@link #arch}: dumpxml always names the machine type. */
  static String machine(String machine, String where, List<String> warnings) {
    if (machine == null) {
      warnings.add(where + ": no machine type given; pc assumed");
    }
    return ForeignNics.machine(machine, where, warnings);
  }

  /** A TCP/UDP port from the file. */
  static int port(String text, String where) {
    try {
      int p = Integer.parseInt(text == null ? "" : text);
      if (p >= 1 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ImportException(where + ": port " + Printable.quoted(text) + " is not a port number (1-65535)");
  }
}
