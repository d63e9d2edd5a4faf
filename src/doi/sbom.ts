// Which committed files are a dependency snapshot (DoI C9, C11): `*.cdx.json`, `*.spdx.json` or
// `sbom.*`, anywhere in the repo, by file name, ignoring case (SBOM.json is as good as sbom.json).

export function isSbomPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name.endsWith('.cdx.json') || name.endsWith('.spdx.json') || (name.startsWith('sbom.') && name.length > 5);
}

export function sbomPaths(files: readonly string[]): string[] {
  return files.filter(isSbomPath);
}
