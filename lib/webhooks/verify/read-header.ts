// Headers.get throws a TypeError on a name that is not a valid token; a bad configured name must fail the check, not
// crash the request.

export function readHeader(headers: Headers, name: string): string | null {
  try {
    const value = headers.get(name);
    return value === null || value === "" ? null : value;
  } catch {
    return null;
  }
}
