// What went wrong, as text for a message: an Error's own message, anything
// else thrown (a string, a number) as it prints.
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
