import { TextInput } from '@mantine/core';
import { minorDigits, minorToDecimal } from './money.ts';

interface MoneyInputProps {
  label?: string;
  /** The text as typed; `parseMoneyInput` turns it into minor units. */
  value: string;
  onChange(text: string): void;
  currency: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  w?: number | string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** An amount typed in major units ('1 250,50'); the form converts it to minor units. */
export function MoneyInput(props: MoneyInputProps) {
  return (
    <TextInput
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      inputMode="decimal"
      rightSection={<span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{props.currency}</span>}
      rightSectionWidth={44}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      w={props.w}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
    />
  );
}

/** Minor units → the text a money box starts with ('125050' → '1250.50'). */
export function moneyText(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  return minorToDecimal(minor, minorDigits(currency));
}
