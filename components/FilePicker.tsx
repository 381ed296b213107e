/**
 * A file input that hands over the file chosen and clears itself at once, so the same file can be
 * chosen again (a second import of this week's export, a restore tried twice).
 */
export function FilePicker({ accept, testId, disabled, onFile }: { accept: string; testId: string; disabled?: boolean; onFile: (f: File) => void }) {
  return (
    <input
      type="file"
      accept={accept}
      data-testid={testId}
      disabled={disabled}
      onChange={(e) => {
        const input = e.target as HTMLInputElement;
        const f = input.files?.[0];
        input.value = '';
        if (f) onFile(f);
      }}
    />
  );
}
