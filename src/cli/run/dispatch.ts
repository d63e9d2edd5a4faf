// `dispatch <repo>`: the JSON document trimmed by --limit, or the human view of the whole one.
import { dispatch as dispatchRepo } from '../../api/dispatch.js';
import { DEFAULT_LIMIT } from '../../dispatch/limit.js';
import { usageError } from '../../errors.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import { dispatchView } from '../format/dispatch.js';
import { colors, writeHuman, writeJson } from '../output.js';
import { stdoutColumns } from '../stdout.js';

import type { DispatchFlags } from '../commands/dispatch.js';

export async function dispatch(ctx: CliContext, slug: string, flags: DispatchFlags): Promise<void> {
  const limit = parseLimit(flags.limit);
  // The human view counts what it does not list, so it gets every task (limit 0).
  const doc = await dispatchRepo({ ...apiOptions(ctx), sync: flags.sync, repo: slug, limit: flags.json ? limit : 0 });
  if (flags.json) writeJson(doc);
  else writeHuman(doc, (shown) => dispatchView(shown, { color: colors(), width: terminalWidth() }));
}

export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value.trim())) throw usageError(`--limit expects a whole number (0 for no limit), got ${JSON.stringify(value)}`);
  return Number(value);
}

function terminalWidth(): number {
  const columns = stdoutColumns();
  return columns && columns > 40 ? Math.min(columns, 120) : 80;
}
