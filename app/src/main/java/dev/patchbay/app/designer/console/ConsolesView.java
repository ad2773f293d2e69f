package dev.patchbay.app.designer.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The guests' terminals as tabs, one per guest: showing a guest again selects its tab (and
 * reconnects it if its console ended) rather than opening a second console, which QEMU would not
 * serve. Closing a tab hangs up on that guest.
 */
public final class ConsolesView extends TabPane {
  private final ConsoleViewModel.Opener opener;
  private final Executor io;
  private final Executor fx;
  private final Map<String, ConsoleTab> open = new LinkedHashMap<>();

  public ConsolesView(ConsoleViewModel.Opener opener, Executor io, Executor fx) {
    this.opener = opener;
    this.io = io;
    this.fx = fx;
    setId("consoleTabs");
  }

  /** Selects {@code guest}'s terminal, connecting it unless it is connected already, and gives it the keys. */
  public void show(String guest) {
    ConsoleTab tab = open.get(guest);
    if (tab == null) {
      tab = new ConsoleTab(new ConsoleViewModel(guest, opener, io, fx));
      ConsoleTab t = tab;
      tab.setOnClosed(e -> {
        open.remove(guest);
        t.close();
      });
      open.put(guest, tab);
      getTabs().add(tab);
    }
    tab.connect();
    getSelectionModel().select(tab);
    tab.terminal().requestFocus();
  }

  /** Hangs up on every guest and closes their tabs. */
  public void closeAll() {
    open.values().forEach(ConsoleTab::close);
    open.clear();
    getTabs().clear();
  }

  public Optional<Tab> tab(String guest) {
    return Optional.ofNullable(open.get(guest));
  }
}
