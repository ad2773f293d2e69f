package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading apt's answers, with text as Debian 12's apt prints it. */
class AptPackagesTest {

  @Test
  void kernelDependencyIsTheVersionedImagePackage() {
    String out = "linux-image-amd64\n  Depends: linux-image-6.1.0-56-amd64\n";
    assertEquals(Optional.of("linux-image-6.1.0-56-amd64"), AptPackages.kernelDependency(out));
  }

  @Test
  void metaPackageWithoutImageDependencyGivesNothing() {
    assertTrue(AptPackages.kernelDependency("linux-image-amd64\n  Depends: linux-base\n").isEmpty());
  }

  @Test
  void versionKeepsTheEpoch() {
    String record = "Package: busybox-static\nSource: busybox (1:1.35.0-4+deb12u1)\nVersion: 1:1.35.0-4+deb12u1+b1\n";
    assertEquals(Optional.of("1:1.35.0-4+deb12u1+b1"), AptPackages.version(record));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "E: Unable to locate package linux-image-6.1.0-56-amd64",
      "E: Can't select candidate version from package busybox-static as it has no installation candidate",
      "E: Failed to fetch http://deb.debian.org/debian/pool/main/l/linux/x.deb  404  Not Found"})
  void missingOrStaleListsAreRecognised(String stderr) {
    assertTrue(AptPackages.lacksLists(new Commands.Result(List.of("apt-get"), 100, "", stderr)));
  }

  @Test
  void otherFailuresAreNotBlamedOnLists() {
    assertFalse(AptPackages.lacksLists(new Commands.Result(List.of("apt-get"), 100, "",
        "E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)")));
  }

  @Test
  void oneShowAnswersKernelPackageItsVersionAndBusyboxVersion() {
    String show = "Package: linux-image-amd64\nSource: linux-signed-amd64 (6.1.192+2)\nVersion: 6.1.192-2\n"
        + "Depends: linux-image-6.1.0-56-amd64 (= 6.1.192-2)\nDescription: Linux for 64-bit PCs (meta-package)\n\n"
        + "Package: busybox-static\nVersion: 1:1.35.0-4+deb12u1+b1\nDepends: libc6\n\n";
    assertEquals(Optional.of(new AptPackages.Resolved("linux-image-6.1.0-56-amd64", "6.1.192-2", "1:1.35.0-4+deb12u1+b1")),
        AptPackages.resolved(show, "busybox-static"));
  }

  @Test
  void unpinnedKernelDependencyLeavesResolvingToSeparateQueries() {
    String show = "Package: linux-image-amd64\nVersion: 6.1.192-2\nDepends: linux-image-6.1.0-56-amd64\n\n"
        + "Package: busybox-static\nVersion: 1:1.35.0-4\n";
    assertTrue(AptPackages.resolved(show, "busybox-static").isEmpty());
  }
}
