// When a recorded remote_url and a checkout's origin name the same remote (DoI C4). Only what
// cannot change which repository is meant is normalised: surrounding space, trailing slashes, a
// trailing `.git`, and the case of the scheme and host (both case-insensitive by RFC 3986). The
// path keeps its case (most hosts treat it as case-sensitive), and https vs ssh forms of one
// repository stay different: custodian cannot know that a host serves both.

const URL_FORM = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^@/]*)@)?(\[[^\]]*\]|[^/:]*)(:\d*)?(.*)$/s;
const SCP_FORM = /^(?:([^@/:]+)@)?([^/:]+):(.*)$/s;

export function normaliseRemoteUrl(url: string): string {
  let u = url.trim().replace(/\/+$/, '');
  if (u.endsWith('.git')) u = u.slice(0, -4).replace(/\/+$/, '');
  const full = URL_FORM.exec(u);
  if (full) {
    const [, scheme, user, host, port, path] = full;
    return `${scheme.toLowerCase()}://${user !== undefined ? `${user}@` : ''}${host.toLowerCase()}${port ?? ''}${path}`;
  }
  // scp-like `user@host:path`; a Windows drive (`C:\x`, `C:/x`) is a local path, not a host.
  const scp = /^[A-Za-z]:[\\/]/.test(u) ? null : SCP_FORM.exec(u);
  if (scp) {
    const [, user, host, path] = scp;
    return `${user !== undefined ? `${user}@` : ''}${host.toLowerCase()}:${path}`;
  }
  return u;
}

export function sameRemote(a: string, b: string): boolean {
  return normaliseRemoteUrl(a) === normaliseRemoteUrl(b);
}
