// Remote URLs: comparing two spellings of one remote, and keeping credentials out of a
// registry that is committed and shared. Pure.

interface RemoteParts {
  /** `https://`, `ssh://`, … lowercased; '' for scp-like `host:path` and local paths. */
  scheme: string;
  user: string | null;
  password: string | null;
  /** host[:port] as written; null for a local path. */
  host: string | null;
  path: string;
  scpLike: boolean;
}

const SCHEME_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s;
const SCP_LIKE = /^(?:([^@/:]+)@)?([^/:]+):(?!\/\/)(.*)$/s;

function parse(url: string): RemoteParts {
  const trimmed = url.trim();
  const scheme = SCHEME_URL.exec(trimmed);
  if (scheme) {
    const [, name, authority, path] = scheme;
    const at = authority.lastIndexOf('@');
    const userinfo = at >= 0 ? authority.slice(0, at) : null;
    const colon = userinfo === null ? -1 : userinfo.indexOf(':');
    return {
      scheme: `${name.toLowerCase()}://`,
      user: userinfo === null ? null : colon >= 0 ? userinfo.slice(0, colon) : userinfo,
      password: userinfo !== null && colon >= 0 ? userinfo.slice(colon + 1) : null,
      host: authority.slice(at + 1),
      path,
      scpLike: false,
    };
  }
  // `git@host:org/repo.git`; a Windows drive (`C:\…`) or a path with a slash before the colon is a local path.
  const scp = /^[A-Za-z]:[\\/]/.test(trimmed) ? null : SCP_LIKE.exec(trimmed);
  if (scp) return { scheme: '', user: scp[1] ?? null, password: null, host: scp[2], path: scp[3], scpLike: true };
  return { scheme: '', user: null, password: null, host: null, path: trimmed, scpLike: false };
}

function format(parts: RemoteParts): string {
  if (parts.host === null) return parts.path;
  const user = parts.user === null ? '' : `${parts.user}${parts.password === null ? '' : `:${parts.password}`}@`;
  return parts.scpLike ? `${user}${parts.host}:${parts.path}` : `${parts.scheme}${user}${parts.host}${parts.path}`;
}

const WEB_SCHEMES = new Set(['http://', 'https://', 'ftp://', 'ftps://']);

/**
 * The form two spellings of one remote share: scheme and host lowercased, trailing slashes and
 * one trailing `.git` dropped, and no user name or password on a web URL (a token there says
 * who fetched, not which repository).
 */
export function normaliseRemote(url: string): string {
  const parts = parse(url);
  let path = parts.path.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith('.git')) path = path.slice(0, -4).replace(/\/+$/, '');
  const webUrl = WEB_SCHEMES.has(parts.scheme);
  const host = parts.host === null ? null : parts.host.toLowerCase();
  return format({ ...parts, host, path, user: webUrl ? null : parts.user, password: webUrl ? null : parts.password });
}

/** The URL without credentials that must not be committed (a web URL's user info, any password). */
export function withoutCredentials(url: string): { url: string; removed: boolean } {
  const parts = parse(url);
  const webUrl = WEB_SCHEMES.has(parts.scheme);
  if (parts.password === null && !(webUrl && parts.user !== null)) return { url, removed: false };
  return { url: format({ ...parts, user: webUrl ? null : parts.user, password: null }), removed: true };
}
