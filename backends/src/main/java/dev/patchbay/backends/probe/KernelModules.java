package dev.patchbay.backends.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The kernel modules of an extracted Debian kernel package. The package ships no modules.dep
 * (depmod writes it at install time), so dependencies come from each module's own
 * {@code .modinfo} "depends=" string. Debian 12's modules are not compressed.
 */
public final class KernelModules {
  private static final byte[] DEPENDS = "\0depends=".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, Path> byName;

  private KernelModules(Map<String, Path> byName) {
    this.byName = byName;
  }

  /** Indexes every {@code .ko} under the directory (e.g. lib/modules/6.1.0-NN-amd64). */
  public static KernelModules scan(Path modulesDir) throws IOException {
    Map<String, Path> byName = new TreeMap<>();
    try (Stream<Path> files = Files.walk(modulesDir)) {
      files.filter(p -> p.getFileName().toString().endsWith(".ko"))
          .forEach(p -> byName.put(moduleName(p), p));
    }
    return new KernelModules(byName);
  }

  /** The kernel's name for a module file: ne2k-pci.ko is module ne2k_pci. */
  public static String moduleName(Path file) {
    String f = file.getFileName().toString();
    return f.substring(0, f.length() - ".ko".length()).replace('-', '_');
  }

  public boolean contains(String module) {
    return byName.containsKey(module.replace('-', '_'));
  }

  public Path file(String module) {
    Path p = byName.get(module.replace('-', '_'));
    if (p == null) {
      throw new IllegalArgumentException("kernel module '" + module + "' is not in the kernel package");
    }
    return p;
  }

  /**
   * The wanted modules and everything they need, each after its dependencies: the order insmod
   * must load them in.
   */
  public List<String> loadOrder(List<String> wanted) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String m : wanted) {
      visit(m.replace('-', '_'), ordered, new LinkedHashSet<>());
    }
    return new ArrayList<>(ordered);
  }

  private void visit(String module, Set<String> ordered, Set<String> path) {
    if (ordered.contains(module)) {
      return;
    }
    if (!path.add(module)) {
      throw new IllegalStateException("kernel modules depend on each other in a cycle: " + path);
    }
    for (String dep : dependencies(module)) {
      visit(dep, ordered, path);
    }
    path.remove(module);
    ordered.add(module);
  }

  /** The "depends=" list from the module's .modinfo section. */
  public List<String> dependencies(String module) {
    try {
      return dependsOf(Files.readAllBytes(file(module)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> dependsOf(byte[] ko) {
    int at = indexOf(ko, DEPENDS);
    if (at < 0) {
      return List.of();
    }
    int start = at + DEPENDS.length;
    int end = start;
    while (end < ko.length && ko[end] != 0) {
      end++;
    }
    String list = new String(ko, start, end - start, StandardCharsets.US_ASCII);
    return list.isEmpty() ? List.of() : List.of(list.split(","));
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
