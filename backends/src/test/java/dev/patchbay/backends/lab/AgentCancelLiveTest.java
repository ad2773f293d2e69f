package dev.patchbay.backends.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through the agent's protocol: an up streams one progress line per step, and a cancel rolls it back. */
@Tag("live")
class AgentCancelLiveTest {
  @TempDir
  Path state;
  private TestNamespace ns;

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
    TestNamespace.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws Exception {
    ns.close();
  }

  private static Topology withoutGuests() throws Exception {
    Topology t = TopologyFiles.load(Path.of("..", "samples", "nat-bridge.json"));
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      t.linksOf(g.id()).forEach(l -> t.disconnect(l.id()));
      t.remove(g.id());
    }
    return t;
  }

  /** The service as the agent sees it, counting down {@code seen} when the agent passes a cancel on. */
  private static LabService noticingCancel(LabService service, CountDownLatch seen) {
    return (LabService) Proxy.newProxyInstance(LabService.class.getClassLoader(), new Class<?>[] {LabService.class},
        (proxy, method, args) -> {
          try {
            return method.invoke(service, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (method.getName().equals("cancel")) {
              seen.countDown();
            }
          }
        });
  }

  @Test
  void progressLinesComeBeforeTheAnswerAndACancelRollsTheUpBack() throws Exception {
    String before = TestNamespace.snapshot(ns.name());
    List<String> steps = new CopyOnWriteArrayList<>();
    // The up waits at its third step until the agent has passed the cancel on: without that, a fast
    // host ran the rest of the plan (its steps go to the kernel in batches, checked between them)
    // before the cancel line crossed the pipe, and a slow one noticed it only before the last step.
    CountDownLatch cancelSeen = new CountDownLatch(1);
    Labs labs = new Labs(state).withFaults((index, step) -> {
      try {
        if (index == 2 && !cancelSeen.await(120, TimeUnit.SECONDS)) {
          throw new IOException("the cancel did not reach the service within 120 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    });
    try (LocalLabService local = new LocalLabService(labs);
        AgentClient agent = AgentClient.connect(new PipedAgent(noticingCancel(local, cancelSeen)))) {
      var e = assertThrows(LabException.class, () -> agent.up(new LabService.UpRequest("cancelled", withoutGuests(),
          TargetSpec.netns(ns.name()), 0, "t"), (index, total, step) -> {
            steps.add(index + "/" + total + " " + step);
            if (steps.size() == 3) {
              agent.cancel();
            }
          }));
      assertEquals(LabException.Reason.CANCELLED, e.reason(), e.getMessage());
      // The cancel line crosses the pipe while the up goes on: it stops at the next step it checks.
      var stoppedBefore = java.util.regex.Pattern.compile("^cancelled before step (\\d+) of (\\d+) ")
          .matcher(e.getMessage());
      assertTrue(stoppedBefore.find(), e.getMessage());
      int k = Integer.parseInt(stoppedBefore.group(1));
      assertTrue(k > 3 && k <= Integer.parseInt(stoppedBefore.group(2)), e.getMessage());
      assertEquals(k - 1, steps.size(), "no step is announced after the one it stopped before: " + steps);
    }
    assertTrue(steps.get(0).startsWith("0/") && steps.get(0).contains(" create "), steps.toString());
    assertEquals(before, TestNamespace.snapshot(ns.name()));
  }
}
