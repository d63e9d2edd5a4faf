// A problem found at an offset, before it is turned into a positioned YamlProblem. Both readers
// collect findings and report the earliest one, so they name the same problem in the same place.
import { positionAt } from './text-position.js';
import type { YamlProblem, YamlProblemKind, YamlReadResult } from './types.js';

export interface Finding {
  kind: YamlProblemKind;
  message: string;
  offset: number;
}

export function finding(kind: YamlProblemKind, offset: number, message: string): Finding {
  return { kind, offset, message };
}

/** The finding nearest the start of the text; the first one listed wins a tie. */
export function earliest(...groups: ReadonlyArray<Finding | null | undefined | readonly Finding[]>): Finding | null {
  let best: Finding | null = null;
  for (const group of groups) {
    if (!group) continue;
    const list: readonly Finding[] = Array.isArray(group) ? group : [group as Finding];
    for (const item of list) if (best === null || item.offset < best.offset) best = item;
  }
  return best;
}

export function toProblem(text: string, found: Finding): YamlProblem {
  const { line, column } = positionAt(text, found.offset);
  return { kind: found.kind, message: found.message, line, column };
}

export function rejected(text: string, found: Finding): YamlReadResult {
  return { ok: false, problem: toProblem(text, found) };
}

/**
 * A reader never throws: a stack overflow (which the depth limits are there to prevent) is
 * reported as nesting too deep, anything else as a syntax problem at the start.
 */
export function unexpectedFailure(error: unknown): Finding {
  if (error instanceof RangeError) return finding('too-deep', 0, `the YAML reader ran out of stack: ${error.message}`);
  return finding('syntax', 0, `the YAML reader failed: ${error instanceof Error ? error.message : String(error)}`);
}
