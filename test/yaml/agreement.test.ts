// DESIGN: "whatever reads YAML (the fast reader on the sync path, the yaml CST editor) enforces
// the same subset and reports the same files as invalid". Both readers, on hand-written texts and
// on generated ones: the same verdict, the same value, the same kind of problem.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readYaml } from '../../src/documents/yaml/read.js';
import { readYamlWithYaml2 } from '../../src/documents/yaml/read-yaml2.js';
import { yamlData } from '../../src/edit/yaml/verify.js';
import { CustodianError } from '../../src/errors.js';
import { disagreement } from './agreement-check.js';
import { ACCEPTED, HAND_WRITTEN, HOSTILE } from './agreement-corpus.js';
import { cleanYamlText, hostileYamlText } from './yaml-generator.js';

function expectAgreement(text: string): void {
  const jsYaml = readYaml(text);
  const yaml2 = readYamlWithYaml2(text);
  const difference = disagreement(jsYaml, yaml2);
  if (difference) expect.fail(`${JSON.stringify(text)}\n${difference}`);
}

describe('hand-written texts', () => {
  test.each(Object.entries(HAND_WRITTEN))('%s', (_name, text) => expectAgreement(text));

  test('the valid texts are accepted and the hostile ones rejected, with every problem kind', () => {
    for (const [name, text] of Object.entries(ACCEPTED)) expect(readYaml(text).ok, name).toBe(true);
    for (const [name, text] of Object.entries(HOSTILE)) expect(readYaml(text).ok, name).toBe(false);
    const kinds = new Set(Object.values(HOSTILE).flatMap((text) => {
      const result = readYaml(text);
      return result.ok ? [] : [result.problem.kind];
    }));
    expect([...kinds].sort()).toEqual(
      ['alias', 'anchor', 'duplicate-key', 'forbidden-key', 'merge-key', 'syntax', 'tag', 'too-deep', 'too-large'].sort(),
    );
  });
});

describe('the editor reads with the sync path\'s reader', () => {
  test('it refuses every text the sync path rejects (anchors, aliases, tags, merge keys, …) and reads the accepted ones alike', () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const problem = readYaml(text);
      if (problem.ok) throw new Error(`${name} is accepted`);
      let refused: unknown;
      try {
        yamlData(text, 'input');
      } catch (error) {
        refused = error;
      }
      expect(refused, name).toBeInstanceOf(CustodianError);
      expect((refused as CustodianError).code, name).toBe('refused');
      expect((refused as CustodianError).message, name).toContain(`(line ${problem.problem.line}, column ${problem.problem.column})`);
    }
    for (const [name, text] of Object.entries(ACCEPTED)) {
      const read = readYaml(text);
      expect(read.ok && yamlData(text, 'input'), name).toEqual(read.ok && read.value);
    }
  });
});

describe('generated texts (fast-check, fixed seeds)', () => {
  test('valid texts with every core spelling: same values', () => {
    let accepted = 0;
    fc.assert(
      fc.property(cleanYamlText, (text) => {
        expectAgreement(text);
        if (readYaml(text).ok) accepted++;
      }),
      { numRuns: 3000, seed: 20260228 },
    );
    // The generator writes valid YAML: a rejection here would be a reader refusing valid input.
    expect(accepted).toBe(3000);
  }, 120_000);

  test('hostile and damaged texts: same verdict, same kind of problem', () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(hostileYamlText, (text) => {
        expectAgreement(text);
        const result = readYaml(text);
        const key = result.ok ? 'ok' : result.problem.kind;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }),
      { numRuns: 4000, seed: 42 },
    );
    for (const kind of ['ok', 'syntax', 'duplicate-key', 'anchor', 'alias', 'tag', 'merge-key', 'forbidden-key']) {
      expect(kinds.get(kind) ?? 0, `${kind} in ${JSON.stringify([...kinds])}`).toBeGreaterThan(20);
    }
  }, 120_000);

  test('subset violations are reported at the same place by both', () => {
    fc.assert(
      fc.property(hostileYamlText, (text) => {
        const jsYaml = readYaml(text);
        const yaml2 = readYamlWithYaml2(text);
        if (jsYaml.ok || yaml2.ok) return;
        const violation = ['anchor', 'alias', 'tag', 'merge-key', 'forbidden-key'];
        if (!violation.includes(jsYaml.problem.kind)) return;
        const place = (p: typeof jsYaml.problem) => `${p.kind} ${p.line}:${p.column}`;
        expect(place(yaml2.problem), JSON.stringify(text)).toBe(place(jsYaml.problem));
      }),
      { numRuns: 2000, seed: 7 },
    );
  }, 120_000);
});
