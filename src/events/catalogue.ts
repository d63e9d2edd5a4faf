// The event types custodian derives, as data: what kind of document each concerns and which
// new values of its status make the transition (DESIGN, "Events"). task.stale is time-driven
// (C14's blame facts), so it has no status values here.

export const TYPE_PREFIX = 'org.custodian.';

export const EVENT_NAMES = [
  'repo.registered',
  'workstream.completed',
  'decision.resolved',
  'goal.activated',
  'interface_change.published',
  'task.completed',
  'task.stale',
] as const;

/** An event type without its `org.custodian.` prefix: also the subject's tail. */
export type EventName = (typeof EVENT_NAMES)[number];

/** What a transition is about: a planning document, or a repo entry of the committed registry. */
export type StateKind = 'workplan' | 'task' | 'goal' | 'interface-change' | 'decision' | 'repo';

export interface TransitionRule {
  name: Exclude<EventName, 'task.stale'>;
  kind: StateKind;
  /** The event happens when the state's status becomes one of these (from anything else, or from absent). */
  enters: readonly string[];
}

export const TRANSITION_RULES: readonly TransitionRule[] = [
  { name: 'repo.registered', kind: 'repo', enters: ['registered'] },
  { name: 'workstream.completed', kind: 'workplan', enters: ['completed'] },
  { name: 'decision.resolved', kind: 'decision', enters: ['accepted', 'rejected', 'superseded'] },
  { name: 'goal.activated', kind: 'goal', enters: ['active'] },
  { name: 'interface_change.published', kind: 'interface-change', enters: ['published'] },
  { name: 'task.completed', kind: 'task', enters: ['done'] },
];

export function fullType(name: EventName): string {
  return `${TYPE_PREFIX}${name}`;
}

/** `task.completed` or `org.custodian.task.completed` → `task.completed`; null for anything else. */
export function eventName(type: string): EventName | null {
  const short = type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : type;
  return (EVENT_NAMES as readonly string[]).includes(short) ? (short as EventName) : null;
}
