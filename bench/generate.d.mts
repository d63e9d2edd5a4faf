// Types of bench/generate.mjs for the tests that import it (npm run typecheck covers test/).
export function mulberry32(seed: number): () => number;
export function generateWorkspace(
  root: string,
  options?: { repos?: number; files?: number; seed?: number },
): { repos: number; files: number; tasks: number };
