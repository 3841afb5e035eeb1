package io.shouwang.gateway.auth;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Password4j: Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, one
 * lane) for new hashes; Argon2id and bcrypt hashes from the registry are both checked.
 */
public final class PasswordHashes {

  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private PasswordHashes() {}

  /** A new Argon2id hash with a random salt, in the standard {@code $argon2id$...} form. */
  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES)
        .with(Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES,
            Argon2.ID, Argon2Function.ARGON2_VERSION_13))
        .getResult();
  }

  /** True when the password matches; false for a wrong password or a hash it cannot read. */
  public static boolean matches(String password, String hash) {
    if (password == null || hash == null) {
      return false;
    }
    try {
      if (hash.startsWith("$argon2")) {
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
      }
      if (hash.startsWith("$2")) {
        return Password.check(password, hash).with(BcryptFunction.getInstanceFromHash(hash));
      }
      return false;
    } catch (RuntimeException e) {
      // A damaged hash is a wrong password, not a crash of the login route.
      return false;
    }
  }
}
