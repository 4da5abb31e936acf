// A field (or a group of radio buttons) marked invalid the way assistive
// technology reads it: aria-invalid="true" (an empty value means false), and
// the message that says what to fix among the field's descriptions while it
// applies. Cleared, the field carries neither, so nothing is announced as
// invalid before the reader has tried.

/**
 * Marks field invalid or valid. messageId, when given, is the element that
 * explains the problem: added to aria-describedby while invalid and taken
 * out after (a field whose description always names its message, as the
 * checker's do, passes none).
 */
export function setInvalid(field: Element, invalid: boolean, messageId = ""): void {
  if (invalid) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
  if (!messageId) return;
  const ids = (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== messageId);
  if (invalid) ids.push(messageId);
  if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
  else field.removeAttribute("aria-describedby");
}
