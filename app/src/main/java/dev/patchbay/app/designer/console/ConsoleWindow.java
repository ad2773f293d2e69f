package dev.patchbay.app.designer.console;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The designer's Consoles window: the guests' terminals ({@link ConsolesView}), opened or brought
 * forward by the Console action and by double-clicking a guest of a running lab. Closing the window
 * hangs up on every guest; the guests keep running.
 */
public final class ConsoleWindow {
  private final Window owner;
  private final ConsoleViewModel.Opener opener;
  private final Executor fx;
  private Stage stage;
  private ConsolesView tabs;

  public ConsoleWindow(Window owner, ConsoleViewModel.Opener opener, Executor fx) {
    this.owner = owner;
    this.opener = opener;
    this.fx = fx;
  }

  /** Shows {@code guest}'s terminal in the window, building the window the first time. */
  public void show(String guest) {
    if (stage == null) {
      // Opening and typing wait on the agent: one thread, so keys go in the order typed.
      tabs = new ConsolesView(opener, Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "patchbay-console-io");
        t.setDaemon(true);
        return t;
      }), fx);
      stage = new Stage();
      stage.initOwner(owner);
      stage.setTitle("Consoles");
      stage.setScene(new Scene(tabs, 860, 540));
      stage.setOnHidden(e -> tabs.closeAll());
    }
    stage.show();
    stage.toFront();
    tabs.show(guest);
  }
}
