import { useId, useState } from 'react';

/**
 * A dialog's form that checks itself on submit: nothing is sent while `problem` says what is
 * wrong, and the problem shows once the user has tried to submit, not while they first type.
 * `submit` goes to components/ui/FormDialog's onSubmit.
 */
export function useCheckedForm(problem: string | undefined, send: () => void) {
  const id = useId();
  const [touched, setTouched] = useState(false);
  const submit = () => {
    setTouched(true);
    if (!problem) send();
  };
  return { id, formId: `${id}-form`, touched, setTouched, shown: touched ? problem : undefined, submit };
}
