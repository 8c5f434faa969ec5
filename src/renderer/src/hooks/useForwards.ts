import { useEffect } from 'react';
import { useForwardsStore, watchForwards } from '../stores/forwards';

/** Every port forward, live while the component is mounted. */
export function useForwards() {
  useEffect(() => watchForwards(), []);
  return useForwardsStore();
}
