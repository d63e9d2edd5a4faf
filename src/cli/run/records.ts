// `goal|interface-change|decision list|show`: flags to api options, the document as JSON or lines.
import * as records from '../../api/records.js';
import { apiOptions } from '../api-options.js';
import type { CliContext } from '../context.js';
import type { RecordShowFlags } from './record-commands.js';
import { recordListLines, recordShowLines } from '../format/records.js';
import { colors, writeHuman, writeJson } from '../output.js';
import { listFilters, type ListFlags } from './filters.js';

const LIST = { goal: records.goalList, 'interface-change': records.interfaceChangeList, decision: records.decisionList };
const SHOW = { goal: records.goalShow, 'interface-change': records.interfaceChangeShow, decision: records.decisionShow };

export async function recordList(ctx: CliContext, kind: records.RecordKind, flags: ListFlags): Promise<void> {
  const doc = await LIST[kind]({ ...apiOptions(ctx), sync: flags.sync, ...listFilters(flags) });
  if (flags.json) writeJson(doc);
  else writeHuman(doc.items, (items) => recordListLines(kind, items, colors()));
}

export async function recordShow(ctx: CliContext, kind: records.RecordKind, id: string, flags: RecordShowFlags): Promise<void> {
  const doc = await SHOW[kind]({ ...apiOptions(ctx), sync: flags.sync, id });
  if (flags.json) writeJson(doc);
  else {
    const record = 'goal' in doc ? doc.goal : 'decision' in doc ? doc.decision : doc.interface_change;
    writeHuman(record, (shown) => recordShowLines(kind, shown, colors()));
  }
}
