import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

export interface WindowLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
const stateSchema = z.object({ bounds: rectSchema, maximized: z.boolean().default(false) });

/** How much of the window's top strip must be on a screen for the user to grab and move it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

function centered(area: Rect, width: number, height: number): Rect {
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: the saved bounds if their title bar is still on one of the displays
 * (work areas, without task bars), fitted inside that display; otherwise (monitor unplugged,
 * resolution changed) the saved size, shrunk to fit, centred on the primary display.
 */
export function restoreBounds(
  saved: WindowState | undefined,
  workAreas: Rect[],
  primary: Rect,
  limits: WindowLimits,
): WindowState {
  if (!saved)
    return {
      bounds: centered(
        primary,
        Math.min(limits.width, primary.width),
        Math.min(limits.height, primary.height),
      ),
      maximized: false,
    };
  const titleBar: Rect = { ...saved.bounds, height: Math.min(GRAB_HEIGHT, saved.bounds.height) };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(titleBar, area);
    if (
      o.w >= Math.min(GRAB_WIDTH, saved.bounds.width) &&
      o.h >= Math.min(GRAB_HEIGHT, titleBar.height) &&
      o.w * o.h > bestArea
    ) {
      best = area;
      bestArea = o.w * o.h;
    }
  }
  const area = best ?? primary;
  const width = Math.max(Math.min(saved.bounds.width, area.width), Math.min(limits.minWidth, area.width));
  const height = Math.max(
    Math.min(saved.bounds.height, area.height),
    Math.min(limits.minHeight, area.height),
  );
  if (!best) return { bounds: centered(area, width, height), maximized: saved.maximized };
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}

/** window-state.json in the config folder; anything unreadable means "no saved state". */
export async function loadWindowState(configDir: string): Promise<WindowState | undefined> {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(await fs.readFile(path.join(configDir, 'window-state.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function saveWindowState(configDir: string, state: WindowState): Promise<void> {
  const file = path.join(configDir, 'window-state.json');
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.mkdir(configDir, { recursive: true, mode: 0o700 });
  await fs.writeFile(tmp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  await fs.rename(tmp, file);
}
