import { useId, useState, type FormEvent } from 'react';

/**
 * A dialog's form that checks itself on submit: nothing is sent while `problem` says what is
 * wrong, and the problem shows once the user has tried to submit, not while they first type.
 */
export function useCheckedForm(problem: string | undefined, send: () => void) {
  const id = useId();
  const [touched, setTouched] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!problem) send();
  };
  return { id, formId: `${id}-form`, touched, setTouched, shown: touched ? problem : undefined, submit };
}
