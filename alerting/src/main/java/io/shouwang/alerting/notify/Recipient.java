package io.shouwang.alerting.notify;

/**
 * A person or desk a page goes to, resolved from the registry.
 *
 * @param id the registry id (caregiver, contact) or "duty-desk:<community>"
 * @param role caregiver, family, neighbour, key_holder, doctor or duty_desk
 * @param language zh or en, for the message text
 * @param phone E.164-ish phone for SMS, or null
 * @param email e-mail address, or null
 */
public record Recipient(String id, String name, String role, String language, String phone,
    String email) {

  private static final String DUTY_DESK_PREFIX = "duty-desk:";

  /** The recipient id of a community's duty desk. */
  public static String dutyDeskId(String communityId) {
    return DUTY_DESK_PREFIX + communityId;
  }

  /** True when this recipient id is the duty desk of that community. */
  public static boolean isDutyDeskOf(String recipientId, String communityId) {
    return recipientId.equals(dutyDeskId(communityId));
  }

  @Override
  public String toString() {
    // Identifiers only: phone numbers and addresses stay out of logs.
    return "Recipient[" + id + ", " + role + "]";
  }
}
