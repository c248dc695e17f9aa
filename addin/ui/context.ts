// What every component needs: the add-in (the only way to reach Excel or the server) and the
// strings of the user's language. Provided once by the root.
import { createContext, useContext } from 'react';
import type { AddinApp } from '../app-api';
import type { Locale } from '../../shared/locale';
import type { Strings } from './strings';

export interface UiContextValue {
  app: AddinApp;
  locale: Locale;
  strings: Strings;
}

export const UiContext = createContext<UiContextValue | null>(null);

export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('useUi outside <UiContext.Provider>');
  return value;
}
