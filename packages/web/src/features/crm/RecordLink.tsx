import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link to a record page that stays a real link (middle-click, copy address) inside a clickable row. */
export function RecordLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" tabIndex={-1} data-testid={testId}>
      {children}
    </Anchor>
  );
}

/** Where each linked record lives. */
export const RECORD_PATHS = {
  company: (id: string) => `/companies/${id}`,
  contact: (id: string) => `/contacts/${id}`,
  lead: (id: string) => `/leads/${id}`,
  deal: (id: string) => `/deals/${id}`,
} as const;
export type RecordKind = keyof typeof RECORD_PATHS;
