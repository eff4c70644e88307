import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { RecordKind } from '../crm/RecordLink.tsx';

/** The record a page shows, so quick create can link a call or task to it. */
export interface CurrentRecord {
  kind: RecordKind;
  id: string;
  title: string;
  /** Every link the new work gets: a deal's company too. */
  links: { companyId?: string; contactId?: string; leadId?: string; dealId?: string };
}

interface CurrentRecordContext {
  record: CurrentRecord | null;
  setRecord(record: CurrentRecord | null): void;
}

const Context = createContext<CurrentRecordContext>({ record: null, setRecord: () => undefined });

export function CurrentRecordProvider({ children }: { children: ReactNode }) {
  const [record, setRecord] = useState<CurrentRecord | null>(null);
  const value = useMemo(() => ({ record, setRecord }), [record]);
  return <Context value={value}>{children}</Context>;
}

export function useCurrentRecord(): CurrentRecord | null {
  return useContext(Context).record;
}

/** A record page announces itself while it is open. */
export function useAnnounceRecord(record: CurrentRecord | null): void {
  const { setRecord } = useContext(Context);
  const key = record ? JSON.stringify(record) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised record is the dependency
  useEffect(() => {
    setRecord(record);
    return () => setRecord(null);
  }, [key, setRecord]);
}
