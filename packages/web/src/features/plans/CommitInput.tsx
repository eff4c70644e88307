import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

interface CommitInputProps {
  /** The saved value as text; the box shows it again whenever it changes. */
  value: string;
  /** Called on Enter or on leaving the box, when the text differs from the saved value. */
  onCommit(text: string): void;
  disabled?: boolean;
  w?: number;
  'aria-label': string;
  'data-testid'?: string;
}

/** A table cell's box that saves on Enter or blur, so typing does not send a request per key. */
export function CommitInput(props: CommitInputProps) {
  const [text, setText] = useState(props.value);
  // What was last sent: Enter then blur before the answer arrives must not send it twice.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    setText(props.value);
    sent.current = null;
  }, [props.value]);
  const commit = () => {
    if (text.trim() === props.value.trim() || text === sent.current) return;
    sent.current = text;
    props.onCommit(text);
  };
  return (
    <TextInput
      size="xs"
      w={props.w ?? 120}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setText(props.value);
      }}
      disabled={props.disabled}
      inputMode="decimal"
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
    />
  );
}
