package io.shouwang.gateway.storage;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Locale;

/** Lower-case names of protobuf enum values, computed once per enum type. */
final class EnumNames {

  private static final String UNRECOGNIZED = "UNRECOGNIZED";

  private static final ClassValue<String[]> NAMES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] names = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            Enum<?> constant = (Enum<?>) constants[i];
            names[i] = isUnspecified(constant) ? null : constant.name().toLowerCase(Locale.ROOT);
          }
          return names;
        }
      };

  private EnumNames() {}

  /** The lower-case name, or null for the zero value (UNSPECIFIED), which means "not set". */
  static String lowerCase(Enum<?> value) {
    return NAMES.get(value.getDeclaringClass())[value.ordinal()];
  }

  private static boolean isUnspecified(Enum<?> constant) {
    // UNRECOGNIZED (a value from a newer device) has no number; it is stored as "unrecognized".
    return !UNRECOGNIZED.equals(constant.name())
        && constant instanceof ProtocolMessageEnum protoEnum
        && protoEnum.getNumber() == 0;
  }
}
