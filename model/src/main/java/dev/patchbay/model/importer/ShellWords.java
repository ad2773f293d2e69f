package dev.patchbay.model.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits pasted command lines into words the way a POSIX shell reads them (quotes, backslashes,
 * backslash-newline continuations) without running anything: no expansion, no substitution. Each
 * logical line is one command line; blank lines and {@code #} comments are skipped.
 */
public final class ShellWords {
  private ShellWords() {}

  /** Every command line in the text, each as its words. */
  public static List<List<String>> lines(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i += 2; // a continued line
      } else if (c == '\n' || c == ';') {
        word = flush(words, word);
        endLine(out, words);
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        word = flush(words, word);
        i++;
      } else if (c == '#' && word == null) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        i = readPart(text, i, word);
      }
    }
    flush(words, word);
    endLine(out, words);
    return out;
  }

  /** Reads one quoted or plain piece of a word starting at i; returns the index after it. */
  private static int readPart(String text, int i, StringBuilder word) {
    char c = text.charAt(i);
    if (c == '\'') {
      int end = text.indexOf('\'', i + 1);
      if (end < 0) {
        throw new ImportException("a single quote opened at character " + (i + 1) + " is never closed");
      }
      word.append(text, i + 1, end);
      return end + 1;
    }
    if (c == '"') {
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != '"') {
        if (text.charAt(j) == '\\' && j + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(j + 1)) >= 0) {
          j++;
        }
        word.append(text.charAt(j));
        j++;
      }
      if (j >= text.length()) {
        throw new ImportException("a double quote opened at character " + (i + 1) + " is never closed");
      }
      return j + 1;
    }
    if (c == '\\' && i + 1 < text.length()) {
      word.append(text.charAt(i + 1));
      return i + 2;
    }
    word.append(c);
    return i + 1;
  }

  private static StringBuilder flush(List<String> words, StringBuilder word) {
    if (word != null) {
      words.add(word.toString());
    }
    return null;
  }

  private static void endLine(List<List<String>> out, List<String> words) {
    if (!words.isEmpty()) {
      out.add(List.copyOf(words));
      words.clear();
    }
  }
}
