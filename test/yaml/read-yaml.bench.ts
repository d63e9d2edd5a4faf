// How much DESIGN's YAML subset costs on the sync path: readYaml against a plain
// `jsyaml.load(text, { schema: CORE_SCHEMA })` over a corpus shaped like 10,000 workplans
// (10,000 front-matters, about 63,000 task blocks). Run: npx vitest bench --run test/yaml
import jsyaml from 'js-yaml';
import { bench, describe } from 'vitest';
import { readYaml } from '../../src/documents/yaml/read.js';
import { readYamlWithYaml2 } from '../../src/documents/yaml/read-yaml2.js';
import { buildCorpus } from './yaml-corpus.js';

const { frontMatters, taskBlocks } = buildCorpus(10_000);
const corpus = [...frontMatters, ...taskBlocks];
const withTriggers = corpus.filter((text) => /(?:^|[\s[{,])[&*!?]|constructor|prototype/.test(text));
const options = { iterations: 12, warmupIterations: 2, time: 0 };

describe(`10,000 front-matters and ${taskBlocks.length} task blocks`, () => {
  bench('js-yaml load, CORE_SCHEMA (baseline)', () => {
    for (const text of corpus) jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  }, options);
  bench('readYaml', () => {
    for (const text of corpus) readYaml(text);
  }, options);
});

describe(`the ${withTriggers.length} texts that take readYaml's listener path`, () => {
  bench('js-yaml load, CORE_SCHEMA (baseline)', () => {
    for (const text of withTriggers) jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  }, options);
  bench('readYaml', () => {
    for (const text of withTriggers) readYaml(text);
  }, options);
});

describe('1,000 front-matters (the yaml 2 twin, for scale)', () => {
  const some = frontMatters.slice(0, 1000);
  bench('readYaml', () => {
    for (const text of some) readYaml(text);
  }, { iterations: 5, time: 0 });
  bench('readYamlWithYaml2', () => {
    for (const text of some) readYamlWithYaml2(text);
  }, { iterations: 5, time: 0 });
});
