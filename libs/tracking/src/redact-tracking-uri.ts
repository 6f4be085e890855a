// A tracking URI as it may appear in logs and errors: no user:password@, no secret query values.

const SECRET_QUERY_NAME = /token|secret|passw|pwd|key|sig|credential|auth|session/i;

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      return SECRET_QUERY_NAME.test(decodeName(name)) ? `${name}=REDACTED` : pair;
    })
    .join('&');
}

export function redactTrackingUri(uri: string): string {
  // Greedy up to the last "@" of the authority: an unencoded "@" inside a password still goes.
  const withoutUser = uri.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
  const queryStart = withoutUser.indexOf('?');
  if (queryStart < 0) return withoutUser;
  const fragmentStart = withoutUser.indexOf('#', queryStart);
  const queryEnd = fragmentStart < 0 ? withoutUser.length : fragmentStart;
  const query = redactQuery(withoutUser.slice(queryStart + 1, queryEnd));
  return `${withoutUser.slice(0, queryStart + 1)}${query}${withoutUser.slice(queryEnd)}`;
}
