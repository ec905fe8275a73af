import { useState } from 'react';

/** Runs one admin action at a time, remembering which row is busy and the last refusal. */
export function useAction(after: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (key: string, action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(key);
    setError(null);
    try {
      await action();
      after();
      return true;
    } catch (reason) {
      setError(reason);
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
