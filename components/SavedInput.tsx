import { useEffect, useRef } from 'preact/hooks';

interface Props {
  type: 'text' | 'date' | 'number';
  stored: string;
  onSave: (value: string) => void;
  min?: number | string;
  max?: number | string;
  list?: string;
  'data-testid'?: string;
}

/**
 * An input saved when it changes (`onSave` with its text) that shows the stored value, except
 * while it has the focus. Why: as a controlled input, a reload answering an earlier save that
 * arrived while someone typed here put the old text back, and the typed text was never saved
 * (the browser fires no change for text a script replaced).
 */
export function SavedInput({ stored, onSave, ...attrs }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el && el.value !== stored) el.value = stored;
  }, [stored]);
  return <input ref={ref} {...attrs} defaultValue={stored} onChange={(e) => onSave((e.target as HTMLInputElement).value)} />;
}
