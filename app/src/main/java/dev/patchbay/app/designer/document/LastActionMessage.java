package dev.patchbay.app.designer.document;

import javafx.beans.property.StringProperty;

/**
 * A message about the user's last action ("Linked ...", "Cannot link ...: ...") is about that action
 * only: the next edit of the design (an undo too) or another document clears it, so the status bar
 * never explains an earlier gesture as if it were the latest. An action that reports on itself sets
 * its message after its edit is pushed, so its own edit does not clear it. What holds for the design
 * as a whole ("2 errors", a running lab) is shown elsewhere and is not touched.
 */
public final class LastActionMessage {
  private final DocumentViewModel document;
  private final StringProperty message;
  /** The document's revision when the message was set. */
  private long setAt;

  private LastActionMessage(DocumentViewModel document, StringProperty message) {
    this.document = document;
    this.message = message;
  }

  /** Makes {@code message} last until the next edit of {@code document}. */
  public static void clearOnNextEdit(DocumentViewModel document, StringProperty message) {
    LastActionMessage m = new LastActionMessage(document, message);
    m.setAt = document.stack().revision();
    message.addListener((o, was, now) -> m.setAt = document.stack().revision());
    document.addEditListener(m::edited);
    document.addReplaceListener(t -> message.set(""));
  }

  /** Runs after every push, undo, redo and save: only a change of the design's revision is an edit. */
  private void edited() {
    if (document.stack().revision() != setAt) {
      message.set("");
      setAt = document.stack().revision();
    }
  }
}
