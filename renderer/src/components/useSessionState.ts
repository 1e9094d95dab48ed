/**
 * State that survives leaving the page and coming back in the same session
 * (a list's search and filters: the clerk opens a customer, returns, and
 * finds the list as they left it). Values must be JSON.
 */
import { useEffect, useState } from 'react';

export function useSessionState<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(`dealerdesk.${key}`);
    if (stored === null) return initial;
    try {
      return JSON.parse(stored) as T;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(`dealerdesk.${key}`, JSON.stringify(value));
  }, [key, value]);
  return [value, setValue];
}
