package io.shouwang.schemas;

/** How a payload is encoded; the topic says which (see schemas/README.md). */
public enum Encoding {
  /** Binary protobuf (the default, no topic suffix). */
  PROTOBUF,
  /** Protobuf's canonical JSON mapping (topic suffix {@code /json}). */
  JSON
}
