/**
 * Remembered window size and position. Plain Node (no 'electron' import): the
 * main process passes the displays' work areas in, so the rules are testable.
 *
 * The rule that matters: a window saved on a monitor that is gone (a laptop
 * undocked from the office screen) must come back onto a visible display at a
 * usable size, never off-screen where the user cannot reach its title bar.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1360, height: 860 } as const;
export const MIN_STATE_SIZE = { width: 1024, height: 640 } as const;

const overlapArea = (a: Rect, b: Rect): number => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

/** Between lo and hi; when the range is empty (window larger than the area) lo wins. */
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(v, hi));

function centredIn(area: Rect, width: number, height: number): Rect {
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Puts `bounds` entirely inside the work area it overlaps most (the first
 * area, the primary display, when it overlaps none), shrinking it to fit and
 * keeping at least the minimum size where the area allows it.
 * `workAreas[0]` must be the primary display.
 */
export function clampToDisplays(bounds: Rect, workAreas: readonly Rect[]): Rect {
  if (workAreas.length === 0) return { ...bounds };
  let target = workAreas[0];
  let best = 0;
  for (const area of workAreas) {
    const o = overlapArea(bounds, area);
    if (o > best) {
      best = o;
      target = area;
    }
  }
  const width = Math.min(Math.max(bounds.width, MIN_STATE_SIZE.width), target.width);
  const height = Math.min(Math.max(bounds.height, MIN_STATE_SIZE.height), target.height);
  // Nothing of it is visible: centre it on the primary display.
  if (best === 0) return centredIn(target, width, height);
  return {
    x: clamp(bounds.x, target.x, target.x + target.width - width),
    y: clamp(bounds.y, target.y, target.y + target.height - height),
    width,
    height,
  };
}

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseRect(v: unknown): Rect | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  if (![r.x, r.y, r.width, r.height].every(isFiniteNumber)) return null;
  const rect = { x: r.x as number, y: r.y as number, width: r.width as number, height: r.height as number };
  return rect.width > 0 && rect.height > 0 ? rect : null;
}

/** The first-run window: the default size, centred on the primary display. */
export function defaultWindowState(workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { bounds: { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE }, maximized: false };
  // A small screen gets the whole work area rather than a window it cannot see the edges of.
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return { bounds: centredIn(primary, width, height), maximized: false };
}

/**
 * Reads a saved state (the file's text, or null when there is none) and fits
 * it onto the current displays. Anything unreadable gives the default window:
 * a damaged state file must never stop the app from opening.
 */
export function loadWindowState(json: string | null, workAreas: readonly Rect[]): WindowState {
  if (json === null) return defaultWindowState(workAreas);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return defaultWindowState(workAreas);
  }
  if (typeof parsed !== 'object' || parsed === null) return defaultWindowState(workAreas);
  const bounds = parseRect((parsed as { bounds?: unknown }).bounds);
  if (!bounds) return defaultWindowState(workAreas);
  return { bounds: clampToDisplays(bounds, workAreas), maximized: (parsed as { maximized?: unknown }).maximized === true };
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  const r = Math.round;
  return `${JSON.stringify({ version: 1, bounds: { x: r(x), y: r(y), width: r(width), height: r(height) }, maximized: state.maximized }, null, 2)}\n`;
}

export function readWindowStateFile(dir: string): string | null {
  try {
    return fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return null;
  }
}

/** Write-then-rename, so a crash mid-write leaves the previous state, not half a file. */
export function writeWindowStateFile(dir: string, state: WindowState): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, WINDOW_STATE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serializeWindowState(state));
  fs.renameSync(tmp, file);
}
