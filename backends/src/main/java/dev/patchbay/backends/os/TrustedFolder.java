package dev.patchbay.backends.os;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A folder for a privileged Patchbay's state (journals, run folders, locks): one that no other user
 * can change. A root agent handed another user's folder would otherwise read, write and obey
 * whatever that user plants in it: a symlinked console log pointing at a root-only file, a planted
 * journal that names someone else's namespace. The rule is OpenSSH's for its key files: from / down
 * to the folder every component (links resolved) belongs to root or to this process's user and is
 * writable by nobody else, except a sticky folder such as /tmp, where others cannot rename or remove
 * an entry they do not own, so the next component only has to be ours. An unprivileged Patchbay
 * works in its own user's folders and is not checked.
 */
public final class TrustedFolder {
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;

  private TrustedFolder() {}

  /**
   * Makes {@code dir} (mode 700) if it is missing and returns it, after checking, for a privileged
   * process, that no other user can change it or any folder above it. {@code what} names the folder
   * in the refusal ("the lab state folder").
   */
  public static Path open(Path dir, String what) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Identity.privileged()) {
      Path ancestor = existingAncestor(absolute);
      // A sticky ancestor (/tmp) is fine when the folder is made below it, as our own.
      check(ancestor, what, absolute, !ancestor.equals(absolute));
    }
    createPrivate(absolute);
    if (Identity.privileged()) {
      check(absolute, what, absolute, false);
    }
    return absolute;
  }

  /** Creates the folder and its missing parents with mode 700 (not left to the umask). */
  public static void createPrivate(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivate(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
        throw new IOException(dir + " exists and is not a folder", e);
      }
    }
  }

  private static Path existingAncestor(Path p) {
    Path at = p;
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    return at == null ? Path.of("/") : at;
  }

  /** Checks every component of the real path of {@code existing}, from / down. */
  static void check(Path existing, String what, Path asked, boolean stickyEndAllowed) throws IOException {
    Path real;
    try {
      real = existing.toRealPath();
    } catch (NoSuchFileException e) {
      throw new IOException(what + " " + asked + " vanished while it was checked", e);
    }
    boolean lastSticky = false;
    Path at = real.getRoot();
    for (int i = -1; i < real.getNameCount(); i++) {
      at = i < 0 ? at : at.resolve(real.getName(i));
      int uid = (Integer) Files.getAttribute(at, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(at, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      boolean ours = uid == 0 || uid == Identity.effectiveUid();
      if (!ours) {
        throw refused(what, asked, at + " belongs to uid " + uid);
      }
      boolean sticky = (mode & STICKY) != 0;
      if ((mode & GROUP_OR_OTHER_WRITE) != 0 && !sticky) {
        throw refused(what, asked, at + " can be changed by other users (mode "
            + Integer.toOctalString(mode & 07777) + ")");
      }
      lastSticky = sticky;
    }
    if (lastSticky && !stickyEndAllowed) {
      throw refused(what, asked, real + " is a folder every user may write to");
    }
  }

  private static IOException refused(String what, Path asked, String why) {
    return new IOException(what + " " + asked + " is refused: " + why + ". Patchbay running as root keeps its"
        + " state only where no other user can change it (its own ~/.local/state/patchbay, or a folder that"
        + " root owns with mode 700)");
  }
}
