package dev.patchbay.backends.netlink;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the kernel answered to each request of a batch. The kernel handles every request of a batch
 * even after one fails, so a caller that undoes work must know exactly which ones took effect.
 *
 * @param created the links that requests sent with NLM_F_ECHO made, by request index, as the kernel
 *     echoed them back
 */
public record BatchResult(int size, SortedMap<Integer, NetlinkException> failures, Map<Integer, CreatedLink> created) {
  public BatchResult {
    failures = Collections.unmodifiableSortedMap(failures);
    created = Map.copyOf(created);
  }

  public BatchResult(int size, SortedMap<Integer, NetlinkException> failures) {
    this(size, failures, Map.of());
  }

  public boolean succeeded(int index) {
    return index >= 0 && index < size && !failures.containsKey(index);
  }

  public boolean allSucceeded() {
    return failures.isEmpty();
  }

  /** The link request {@code index} made, when the kernel echoed it. */
  public Optional<CreatedLink> created(int index) {
    return Optional.ofNullable(created.get(index));
  }

  /** Throws the first failure, noting how many other requests of the batch failed too. */
  public void throwIfFailed() throws NetlinkException {
    if (failures.isEmpty()) {
      return;
    }
    NetlinkException first = failures.get(failures.firstKey());
    for (NetlinkException other : List.copyOf(failures.values()).subList(1, failures.size())) {
      first.addSuppressed(other);
    }
    throw first;
  }
}
