/** A small inline spinner; decorative (pair it with text). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
