// A source as the hub serves it: its registration and fetch state, and whether it is in the view.
import type { FederatedView } from '../../api/federation/types.js';
import type { SourceRecord } from '../store/types.js';

export function sourceItem(record: SourceRecord, view: FederatedView) {
  const inView = view.document.sources.find((s) => s.name === record.name);
  return { ...record, included: inView?.included ?? false, last_error: inView?.last_error ?? record.last_error };
}
