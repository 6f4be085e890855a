// Keeps credentials that may sit in a dataset's url (user:pass@host) out of logs, errors, metadata.

const USERINFO = /\/\/[^/?#\s@]+@/g;

/** Replaces any `//user:pass@` in free text, e.g. a message from the HTTP client. */
export function redactCredentials(text: string): string {
  return text.replace(USERINFO, '//***@');
}

/** The url as it may be shown: same address, credentials masked. */
export function displayUrl(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  return `${url.protocol}//***@${url.host}${url.pathname}${url.search}${url.hash}`;
}
