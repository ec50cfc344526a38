import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The button that starts the action, such as "Archive". */
  label: string;
  /** The accessible name of that button and of the confirm step where `label` alone is ambiguous,
   * as in a row of a table ("Finalise evaluation 7 of Phayao"). */
  name?: string;
  /** The question asked before doing it, such as "Archive Phayao? It leaves the public data." */
  question: string;
  /** The confirming button, such as "Yes, archive". */
  confirmLabel: string;
  onConfirm(): void | Promise<void>;
  /** Style the buttons as destructive. */
  danger?: boolean;
  disabled?: boolean;
}

/**
 * An inline confirm step for an action that cannot be undone lightly (archive, revoke,
 * deactivate): the button opens a small group with the question, the confirming button (which
 * takes the focus) and Cancel (or Escape), which gives the focus back to the first button.
 */
export function ConfirmAction({ label, name, question, confirmLabel, onConfirm, danger = true, disabled }: Props) {
  const { t } = useTranslation('forms');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };

  if (!asking) {
    return (
      <button
        type="button"
        ref={trigger}
        className={danger ? 'danger' : undefined}
        disabled={disabled}
        aria-label={name}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={name ?? label}
      className="confirm-step alert alert-warning"
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
    >
      <p>{question}</p>
      <div className="actions">
        <button
          type="button"
          ref={confirm}
          className={danger ? 'danger' : 'primary'}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" onClick={cancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </div>
  );
}
