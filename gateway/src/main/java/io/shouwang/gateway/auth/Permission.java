package io.shouwang.gateway.auth;

import java.util.Locale;

/** Something a role may do beyond seeing the households in its scope. API.md has the table. */
public enum Permission {
  VIEW_VITALS,
  VIEW_MEDICAL_NOTES,
  ACCEPT,
  ON_SITE,
  RESOLVE,
  CANCEL,
  ASSIGN;

  /** The name in the API's {@code permissions} list, e.g. {@code on_site}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
