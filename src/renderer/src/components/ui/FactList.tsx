import type { ReactNode } from 'react';
import { fullDate } from '../../lib/format';
import { LabelChips } from './LabelChips';

export interface Fact {
  term: string;
  value: ReactNode;
  /** The whole fact's class (`fact-wide`). */
  className?: string;
  /** The value's class (`mono`) and tooltip (the full text of a shortened value). */
  valueClassName?: string;
  title?: string;
}

/** A resource's facts as a definition list (driver, size, created…); falsy entries are left out. */
export function FactList({ facts }: { facts: ReadonlyArray<Fact | false | undefined> }) {
  return (
    <dl className="facts">
      {facts
        .filter((f): f is Fact => !!f)
        .map((f) => (
          <div key={f.term} className={f.className}>
            <dt>{f.term}</dt>
            <dd className={f.valueClassName} title={f.title}>
              {f.value}
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** An engine timestamp (RFC 3339) as a fact: the full local date, or a dash when unknown. */
export function dateFact(iso: string | undefined): string {
  return iso ? fullDate(Date.parse(iso)) : '—';
}

/** The facts every engine object has: when it was created, and its labels (the first three). */
export function createdAndLabels(o: { created?: string; labels: Record<string, string> }): Fact[] {
  return [
    { term: 'Created', value: dateFact(o.created) },
    { term: 'Labels', value: <LabelChips labels={o.labels} max={3} /> },
  ];
}
