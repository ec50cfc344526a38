/** Helpers for component tests of forms. */
import type { UserEvent } from '@testing-library/user-event';

/**
 * Time for one form test: a test that types, saves and resolves a conflict does many renders,
 * and a busy machine needs more than Vitest's default five seconds for them.
 */
export const UI_TEST_TIMEOUT = 30_000;

/** Puts `text` into a field at its caret, as pasting does: one input event instead of one per key. */
export async function typeInto(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.click(field);
  await user.paste(text);
}
