// A shortest edit script between two line arrays (Myers' O(ND) algorithm), for unifiedDiff.
// Edits are small (a status, a date, a renamed domain), so D is small and this is fast; past
// MAX_COST the middle is reported as one replaced block, still a correct (if larger) diff.

export type DiffOp = { kind: 'equal' | 'delete' | 'insert'; line: string };

const MAX_COST = 2_000;

export interface LineDiff {
  /** Equal lines left out before `ops` (both sides start there). */
  skipped: number;
  /** The changed middle with at most `context` equal lines either side. */
  ops: DiffOp[];
}

/**
 * The common head and tail cost nothing and keep the search to the changed middle; only
 * `context` lines of them are kept, so a one-line edit in a file of millions of lines stays small.
 */
export function diffLines(a: readonly string[], b: readonly string[], context = Infinity): LineDiff {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const skipped = Math.max(0, head - context);
  const ops: DiffOp[] = [];
  for (let i = skipped; i < head; i++) ops.push({ kind: 'equal', line: a[i] });
  // A loop, not push(...spread): spreading a long array overflows the call stack.
  for (const op of diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail))) ops.push(op);
  const keptTail = Math.min(tail, context);
  for (let i = a.length - tail; i < a.length - tail + keptTail; i++) ops.push({ kind: 'equal', line: a[i] });
  return { skipped, ops };
}

function diffMiddle(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_COST);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Only diagonals -d-1..d+1 are read back for step d: keep that window (index k + d + 1).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
      let x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, k);
    }
  }
  return [...a.map((line): DiffOp => ({ kind: 'delete', line })), ...b.map((line): DiffOp => ({ kind: 'insert', line }))];
}

/** Walks the saved frontiers back from the end, emitting the script in reverse. */
function backtrack(trace: Int32Array[], a: readonly string[], b: readonly string[], dEnd: number, kEnd: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = a.length;
  let y = b.length;
  let k = kEnd;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d];
    const at = (diagonal: number) => v[diagonal + d + 1];
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      ops.push({ kind: 'equal', line: a[--x] });
      y--;
    }
    if (down) ops.push({ kind: 'insert', line: b[--y] });
    else ops.push({ kind: 'delete', line: a[--x] });
    k = prevK;
  }
  while (x > 0) {
    ops.push({ kind: 'equal', line: a[--x] });
    y--;
  }
  return ops.reverse();
}
