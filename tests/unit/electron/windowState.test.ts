import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_SIZE,
  loadWindowState,
  MIN_STATE_SIZE,
  readWindowStateFile,
  serializeWindowState,
  WINDOW_STATE_FILE,
  writeWindowStateFile,
  type Rect,
} from '../../../electron/main/windowState';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
// An office monitor to the right of the laptop.
const monitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('clampToDisplays', () => {
  it('keeps a window that is fully visible where it is', () => {
    const r = { x: 2100, y: 100, width: 1400, height: 900 };
    expect(clampToDisplays(r, [laptop, monitor])).toEqual(r);
  });

  it('brings a window from a monitor that is gone back onto the primary display, centred', () => {
    const savedOnMonitor = { x: 2100, y: 100, width: 1400, height: 900 };
    const r = clampToDisplays(savedOnMonitor, [laptop]);
    expect(r).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
    expect(inside(r, laptop)).toBe(true);
  });

  it('pulls a partly off-screen window fully onto the display it overlaps most', () => {
    const r = clampToDisplays({ x: -300, y: -50, width: 1200, height: 800 }, [laptop, monitor]);
    expect(r).toEqual({ x: 0, y: 0, width: 1200, height: 800 });
    const right = clampToDisplays({ x: 4000, y: 900, width: 1200, height: 800 }, [laptop, monitor]);
    expect(inside(right, monitor)).toBe(true);
  });

  it('shrinks a window larger than the display, and grows a tiny one to the minimum size', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual(laptop);
    const tiny = clampToDisplays({ x: 100, y: 100, width: 200, height: 100 }, [laptop]);
    expect([tiny.width, tiny.height]).toEqual([MIN_STATE_SIZE.width, MIN_STATE_SIZE.height]);
  });

  it('places any saved rectangle fully inside one of the displays (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -10000, max: 10000 }),
      y: fc.integer({ min: -10000, max: 10000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    });
    const display = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    fc.assert(
      fc.property(rect, fc.array(display, { minLength: 1, maxLength: 3 }), (r, areas) => {
        const out = clampToDisplays(r, areas);
        expect(areas.some((a) => inside(out, a))).toBe(true);
      }),
    );
  });
});

describe('loadWindowState', () => {
  it('gives the default size centred on the primary display on first run', () => {
    const s = loadWindowState(null, [laptop, monitor]);
    expect(s.maximized).toBe(false);
    expect(s.bounds.width).toBe(DEFAULT_WINDOW_SIZE.width);
    expect(s.bounds.height).toBe(DEFAULT_WINDOW_SIZE.height);
    expect(s.bounds.x).toBe(Math.round((1920 - DEFAULT_WINDOW_SIZE.width) / 2));
    expect(inside(s.bounds, laptop)).toBe(true);
  });

  it('fits the default into a small screen', () => {
    const small = { x: 0, y: 0, width: 1280, height: 680 };
    expect(loadWindowState(null, [small]).bounds).toEqual(small);
  });

  it('round-trips what was saved', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1500, height: 1000 }, maximized: true };
    expect(loadWindowState(serializeWindowState(saved), [laptop, monitor])).toEqual(saved);
  });

  it('ignores damaged or foreign content instead of failing', () => {
    const fallback = loadWindowState(null, [laptop]);
    for (const text of ['', '{', 'null', '[]', '"x"', '{"bounds":{"x":"1","y":0,"width":10,"height":10}}', '{"bounds":{"x":0,"y":0,"width":-5,"height":10}}']) {
      expect(loadWindowState(text, [laptop]), text).toEqual(fallback);
    }
    expect(loadWindowState('{"bounds":{"x":10,"y":10,"width":1100,"height":700},"maximized":"yes"}', [laptop]).maximized).toBe(false);
  });

  it('works with no display information at all', () => {
    expect(loadWindowState(null, []).bounds).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
  });
});

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('writes the file in the data dir (creating it) and reads it back', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ws-')), 'data');
    dirs.push(path.dirname(dir));
    expect(readWindowStateFile(dir)).toBeNull();
    const state = { bounds: { x: 11, y: 22, width: 1111, height: 777 }, maximized: false };
    writeWindowStateFile(dir, state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    expect(loadWindowState(readWindowStateFile(dir), [laptop])).toEqual(state);
  });
});
