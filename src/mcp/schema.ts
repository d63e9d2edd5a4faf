// The argument schemas the tools share, each bounded: names mirror the CLI's (repo, id, as,
// status, limit, cursor), and every string, number and list has explicit limits.
import { z } from 'zod';

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;

export const repoArg = z.string().min(1).max(100);
export const refArg = z.string().min(1).max(300);
/** An agent's or a person's name (`--as`). */
export const nameArg = z.string().min(1).max(200);
export const cursorArg = z.string().min(1).max(200).describe('next_cursor of the previous page');

export function limitArg(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback).describe(`at most this many items (1-${max})`);
}
