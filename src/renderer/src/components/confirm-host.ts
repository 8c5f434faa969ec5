import { createContext } from 'react';

/**
 * The host a confirmation is about, when it is not the selected one (the all-containers page acts
 * on every host): its production flag decides whether the object's name must be typed.
 */
export const ConfirmHostContext = createContext<string | undefined>(undefined);
