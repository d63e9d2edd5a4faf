// The edit engine (src/edit) loaded on first use: it pulls in `yaml` 2, which a check that finds
// nothing to fix never needs.
import type { Region, TaskSource, TextEdit } from '../documents/model.js';

type EditModule = typeof import('../edit/index.js');

let loaded: Promise<EditModule> | null = null;

export function editEngine(): Promise<EditModule> {
  loaded ??= import('../edit/index.js');
  return loaded;
}

export async function setFrontmatterValue(text: string, region: Region, key: string, value: string): Promise<TextEdit[]> {
  const { setYamlValueInRegion } = await editEngine();
  return setYamlValueInRegion(text, { kind: 'frontmatter', region }, [key], value);
}

export async function setTaskValue(text: string, source: TaskSource, frontmatter: Region | null, key: string, value: string): Promise<TextEdit[]> {
  const { setTaskField } = await editEngine();
  return setTaskField(text, source, frontmatter, key, value);
}
