/**
 * One field of a filter object as a control's value and change handler, so a select or a search
 * box binds to it with a spread: `<SearchBox … {...fieldOf(filter, patch, 'text')} />`.
 */
export function fieldOf<F, K extends keyof F>(
  filter: F,
  patch: (change: Partial<F>) => void,
  key: K,
): { value: F[K]; onChange(value: F[K]): void } {
  const onChange = (value: F[K]) => {
    const change: Partial<F> = {};
    change[key] = value;
    patch(change);
  };
  return { value: filter[key], onChange };
}
