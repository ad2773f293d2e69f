package dev.patchbay.backends.probe;

import java.nio.file.Path;
import java.util.List;

/**
 * A built probe guest: the kernel and the initramfs QEMU boots with {@code -kernel}/{@code -initrd}.
 *
 * @param key the cache key: package versions plus a digest of the guest's scripts
 * @param modules the NIC modules in the initramfs, in load order
 */
public record ProbeGuest(Path kernel, Path initrd, String key, List<String> modules) {
  public ProbeGuest {
    modules = List.copyOf(modules);
  }

  /**
   * The kernel as a bootloader loads it (the bzImage), beside {@link #kernel} which may be the
   * unpacked kernel that QEMU boots faster with {@code -kernel} but a bootloader cannot load.
   */
  public Path bzImage() {
    return kernel.resolveSibling("vmlinuz");
  }
}
