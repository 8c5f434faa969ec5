const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `bytes` in the largest binary unit it reaches (up to TiB): the number and its unit's index. */
export function binaryScale(bytes: number): { value: number; unit: string; power: number } {
  let value = bytes;
  let power = 0;
  while (value >= 1024 && power < UNITS.length - 1) {
    value /= 1024;
    power++;
  }
  return { value, unit: UNITS[power] as string, power };
}

/** "812 B", "14.2 KiB", "200.0 MiB": for task phases and output lines. */
export function humanBytes(bytes: number): string {
  const { value, unit, power } = binaryScale(bytes);
  return power === 0 ? `${value} B` : `${value.toFixed(1)} ${unit}`;
}
