/** `value` if it is one of `allowed`, else undefined: unknown URL or form values count as unset. */
export function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}
