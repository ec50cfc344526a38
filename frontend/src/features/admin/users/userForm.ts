/** The account form's values and their conversion to and from the API's `Account` and `AccountInput`. */
import type { components } from '@/api/schema';
import { textOrNull } from '@/features/admin/shared';

export type Account = components['schemas']['Account'];
export type AccountInput = components['schemas']['AccountInput'];
export type Role = components['schemas']['Role'];

export const ROLES: readonly Role[] = ['admin', 'secretariat', 'evaluator', 'city_editor', 'analyst'];

/** A role from the URL or a select, if it is one. */
export function asRole(value: string): Role | undefined {
  return ROLES.find((r) => r === value);
}

export type AccountField = 'email' | 'display_name' | 'role' | 'city' | 'password' | 'active';
/** The edit form (the email cannot change). */
export type AccountValues = { display_name: string; role: string; city: string; password: string; active: boolean };
/** The create form. */
export type NewAccountValues = { email: string; display_name: string; role: string; city: string; password: string };

/** The form values of an account (the password field is for a new one, so it starts empty). */
export function accountValues(a: Account): AccountValues {
  return { display_name: a.display_name, role: a.role, city: a.city ?? '', password: '', active: a.active };
}

/** A merge patch with exactly the fields in `changes`; an empty new password is not sent. */
export function accountPatch(changes: Partial<AccountValues>): AccountInput {
  const patch: AccountInput = {};
  if (changes.display_name !== undefined) patch.display_name = textOrNull(changes.display_name);
  if (changes.role !== undefined) patch.role = asRole(changes.role) ?? null;
  if (changes.city !== undefined) patch.city = textOrNull(changes.city);
  if (changes.password) patch.password = changes.password;
  if (changes.active !== undefined) patch.active = changes.active;
  return patch;
}

/** The body of `POST /users`: the city only for a city editor. */
export function accountCreateBody(values: NewAccountValues): AccountInput {
  return {
    email: textOrNull(values.email),
    display_name: textOrNull(values.display_name),
    role: asRole(values.role) ?? null,
    password: values.password,
    ...(values.role === 'city_editor' && { city: textOrNull(values.city) }),
  };
}
