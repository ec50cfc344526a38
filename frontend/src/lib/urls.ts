/** `url` if it is an http(s) address, so that a stored value can never become a `javascript:` link. */
export function webUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The host of an address without a leading `www.` (`uil.unesco.org`), or the address itself if it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./i, '') || url;
  } catch {
    return url;
  }
}
