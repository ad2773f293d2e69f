package dev.patchbay.backends.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An exception as a sentence for the user: what went wrong and with which file or object, in words,
 * never a bare path or a Java class name. Java's file errors carry only the path as their message
 * ("/root/.cache/patchbay" for "permission denied"); this says what happened to it.
 */
public final class Reasons {
  private Reasons() {}

  public static String of(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return of(u.getCause());
    }
    if (e instanceof FileSystemException f) {
      return file(f);
    }
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    if (e.getCause() != null && e.getCause() != e) {
      return of(e.getCause());
    }
    return e instanceof IOException ? "an input or output error with no further detail"
        : "an unexpected failure with no further detail";
  }

  private static String file(FileSystemException f) {
    String what = f.getFile() == null ? "a file" : f.getFile();
    String other = f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")";
    String why = f.getReason() == null || f.getReason().isBlank() ? "" : ": " + f.getReason();
    if (f instanceof AccessDeniedException) {
      return "permission denied on " + what + other + " (this user may not read or write it)";
    } else if (f instanceof NoSuchFileException) {
      return "no such file or folder: " + what + other;
    } else if (f instanceof FileAlreadyExistsException) {
      return what + " exists already" + other;
    } else if (f instanceof NotDirectoryException) {
      return what + " is not a folder";
    } else if (f instanceof DirectoryNotEmptyException) {
      return "the folder " + what + " is not empty";
    } else if (f instanceof FileSystemLoopException) {
      return what + " leads round in a loop of links";
    }
    return "cannot use " + what + other + why;
  }
}
