package io.shouwang.gateway.storage.spool;

import java.io.IOException;

/** The spool's byte bound would be exceeded: the batch is neither stored nor spooled. */
public final class SpoolFullException extends IOException {

  private static final long serialVersionUID = 1L;

  /** A refusal naming the spool directory and the sizes involved, never the content. */
  public SpoolFullException(String message) {
    super(message);
  }
}
