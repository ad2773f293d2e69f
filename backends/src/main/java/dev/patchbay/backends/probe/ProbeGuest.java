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
}
