import { useId } from 'react';
import { CheckboxField } from '../../../components/ui/CheckboxField';

export interface RemoveChoice {
  force: boolean;
  volumes: boolean;
}

export const KEEP_ALL: RemoveChoice = { force: false, volumes: false };

/**
 * The options of removing containers: Force, offered only when some are running (its label says
 * which), and removing their anonymous volumes too.
 */
export function RemoveOptions({
  value,
  onChange,
  forceLabel,
  volumesLabel,
}: {
  value: RemoveChoice;
  onChange(value: RemoveChoice): void;
  /** Absent when nothing is running: there is nothing to force. */
  forceLabel: string | undefined;
  volumesLabel: string;
}) {
  const id = useId();
  return (
    <>
      {forceLabel && (
        <CheckboxField
          id={`${id}-force`}
          label={forceLabel}
          checked={value.force}
          onChange={(force) => onChange({ ...value, force })}
        />
      )}
      <CheckboxField
        id={`${id}-volumes`}
        label={volumesLabel}
        checked={value.volumes}
        onChange={(volumes) => onChange({ ...value, volumes })}
      />
    </>
  );
}
