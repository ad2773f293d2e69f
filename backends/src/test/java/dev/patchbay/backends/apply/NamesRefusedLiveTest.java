package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that are not kernel interface names are refused before any namespace or link is made. */
@Tag("live")
class NamesRefusedLiveTest {
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void removeSandbox() throws Exception {
    LabFixture.deleteSandbox(lab);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tap0;reboot", "tap$(id)", "tap 0", "averyveryverylongtap"})
  void aBadTapNameIsRefusedWithAClearMessageBeforeAnyKernelCall(String bad) throws Exception {
    Topology t = LabFixture.sample("tap-host-only.json");
    Tap tap = t.elementsOf(Tap.class).findFirst().orElseThrow();
    t.replace(new Tap(tap.id(), bad, tap.address(), tap.owner()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Labs(state).up(t, lab, TargetSpec.sandbox(), 0, "x.json"));
    // Refused where the design's values become the plan's (QemuValues), naming the tap, the field and the value.
    assertTrue(e.getMessage().startsWith("tap " + bad + " (" + tap.id() + "), field name: '" + bad + "'"),
        e.getMessage());
    assertFalse(LabFixture.anyLeft(lab), "a namespace was made before the name was refused");
  }
}
