package dev.patchbay.backends.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tap owner's uid, from a number or from /etc/passwd (no process, no NSS: labs name local users). */
final class Users {
  private Users() {}

  static int uid(String owner) throws IOException {
    if (owner.matches("\\d{1,9}")) {
      return Integer.parseInt(owner);
    }
    for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
      String[] f = line.split(":");
      if (f.length > 2 && f[0].equals(owner)) {
        return Integer.parseInt(f[2]);
      }
    }
    throw new IOException("tap owner '" + owner + "' is not a user of this machine (not in /etc/passwd)");
  }
}
