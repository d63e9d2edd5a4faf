// The edit engine (src/edit) loaded on first use: it pulls in `yaml` 2, which a check that finds
// nothing to fix never needs.
type EditModule = typeof import('../edit/index.js');

let loaded: Promise<EditModule> | null = null;

export function editEngine(): Promise<EditModule> {
  loaded ??= import('../edit/index.js');
  return loaded;
}
