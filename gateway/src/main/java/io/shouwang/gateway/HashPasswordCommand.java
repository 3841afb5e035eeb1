package io.shouwang.gateway;

import io.shouwang.gateway.auth.PasswordHashes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code shouwang-gateway hash-password}: reads a password (from the terminal without echo, or one
 * line of standard input) and prints the Argon2id hash to paste into the registry's users list.
 */
final class HashPasswordCommand {

  static final int MIN_LENGTH = 10;

  private HashPasswordCommand() {}

  static int run(Console console, InputStream in, PrintStream out, PrintStream err) {
    String password;
    if (console != null) {
      char[] first = console.readPassword("password: ");
      char[] again = console.readPassword("again: ");
      if (first == null || again == null || !Arrays.equals(first, again)) {
        err.println("hash-password: the two passwords differ");
        return 2;
      }
      password = new String(first);
    } else {
      try {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .readLine();
        password = line == null ? "" : line;
      } catch (IOException e) {
        err.println("hash-password: cannot read standard input: " + e.getMessage());
        return 2;
      }
    }
    if (password.length() < MIN_LENGTH) {
      err.println("hash-password: use at least " + MIN_LENGTH + " characters");
      return 2;
    }
    out.println(PasswordHashes.hash(password));
    return 0;
  }
}
