/** `url` if it is an http(s) address, so that a stored value can never become a `javascript:` link. */
export function webUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
