package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeCacheRootTest {
  private static final Path HOME_CACHE = Path.of(System.getProperty("user.home"), ".cache", "patchbay", "probe");

  @Test
  void xdgCacheHomeIsUsedWhenAbsolute() {
    assertEquals(Path.of("/var/cache/me/patchbay/probe"),
        ProbeGuestBuilder.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "/var/cache/me")));
  }

  @Test
  void relativeXdgCacheHomeIsIgnoredAsTheSpecSays() {
    assertEquals(HOME_CACHE, ProbeGuestBuilder.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "cache")));
  }

  @Test
  void withoutXdgCacheHomeTheHomeCacheIsUsed() {
    assertEquals(HOME_CACHE, ProbeGuestBuilder.defaultCacheRoot(Map.of()));
  }
}
