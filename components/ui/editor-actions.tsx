import { Button } from "@/components/ui/button";

/** The foot of an editor (agents, playbooks): save, and delete once the thing exists. */
export function EditorActions({
  busy,
  saveLabel,
  onDelete,
}: {
  busy: boolean;
  saveLabel: string;
  /** Absent for something not saved yet. */
  onDelete?: () => void;
}) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : saveLabel}
      </Button>
      {onDelete ? (
        <Button variant="danger" onClick={onDelete}>
          Delete
        </Button>
      ) : null}
    </div>
  );
}
