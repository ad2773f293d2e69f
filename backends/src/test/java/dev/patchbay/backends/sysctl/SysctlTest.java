package dev.patchbay.backends.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlTest {
  @ParameterizedTest
  @CsvSource({
      "net.ipv4.ip_forward, /proc/sys/net/ipv4/ip_forward",
      "net.ipv4.conf.br0.proxy_arp, /proc/sys/net/ipv4/conf/br0/proxy_arp",
      "net/ipv4/conf/eth0.10/forwarding, /proc/sys/net/ipv4/conf/eth0.10/forwarding",
  })
  void keyMapsToItsFileUnderProcSysNet(String key, String file) {
    assertEquals(Path.of(file), Sysctl.path(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kernel.panic", "net", "net/ipv4/../../kernel/panic", "net.ipv4..ip_forward",
      "net/ipv4/conf/a b/forwarding", "net.ipv4.ip_forward;reboot"})
  void keyOutsideNetOrWithStrangePartsIsRefused(String key) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sysctl.path(key));
    assertEquals(true, e.getMessage().startsWith("sysctl key '" + key + "'"), e.getMessage());
  }
}
