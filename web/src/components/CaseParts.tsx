// Parts shared by the staff case view and the portal: the SLA timers, the thread, the reply box.
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, request } from '../lib/api';
import { MACROS, formatCountdown, slaClock, type CaseNote, type CaseSla } from '../lib/service';
import { Empty, ErrorBox } from './common';
import '../service.css';

/** Re-renders every second (for countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function SlaClockView({ sla, which, now }: { sla: CaseSla | null | undefined; which: 'first_response' | 'resolution'; now: number }) {
  const { t, tv, fmt } = useApp();
  const c = slaClock(sla, which, now);
  const label = which === 'first_response' ? t('sla.firstResponse') : t('sla.resolution');
  let text: string;
  if (c.state === 'none') text = t('common.none');
  else if (c.state === 'met' || c.state === 'missed') text = tv('sla.state', c.state);
  else if (c.state === 'breached') text = t('sla.overdueBy', { t: formatCountdown(c.remainingMs ?? 0) });
  else if (c.state === 'paused') text = t('sla.pausedLeft', { t: formatCountdown(c.remainingMs ?? 0) });
  else text = t('sla.left', { t: formatCountdown(c.remainingMs ?? 0) });
  return (
    <div class={`sla-clock sla-${c.state}`} data-testid={`sla-${which}`} data-state={c.state}>
      <span class="sla-label">{label}</span>
      <strong class="sla-time">{text}</strong>
      {c.due && (
        <span class="muted sla-due">
          {t('sla.due')} {fmt.dateTime(c.due)}
        </span>
      )}
    </div>
  );
}

/** The first-response and resolution clocks of a case, counting down live. */
export function SlaTimers({ sla }: { sla: CaseSla | null | undefined }) {
  const { t } = useApp();
  const now = useNow();
  const hasSla = !!sla && 'resolution_due' in sla;
  return (
    <div class="sla" data-testid="sla" data-paused={hasSla && sla?.paused ? 'true' : 'false'} data-breached={hasSla && sla?.breached ? 'true' : 'false'}>
      {!hasSla ? (
        <Empty>{t('sla.none')}</Empty>
      ) : (
        <>
          <SlaClockView sla={sla} which="first_response" now={now} />
          <SlaClockView sla={sla} which="resolution" now={now} />
          {sla?.paused && (
            <span class="badge sla-paused-badge" data-testid="sla-paused">
              {t('sla.paused')}
            </span>
          )}
          {sla?.breached && (
            <span class="badge sla-breached-badge" data-testid="sla-breached">
              {t('sla.breached')}
            </span>
          )}
          {sla?.policy && <span class="muted">{t('sla.policy', { p: sla.policy })}</span>}
        </>
      )}
    </div>
  );
}

/** The case's notes, oldest first; internal notes marked (the portal never receives them). */
export function CaseThread({ notes }: { notes: CaseNote[] }) {
  const { t, fmt } = useApp();
  if (notes.length === 0) return <Empty>{t('case.noNotes')}</Empty>;
  const sorted = [...notes].sort((a, b) => a.created_at.localeCompare(b.created_at) || Number(a.id) - Number(b.id));
  return (
    <ol class="thread" data-testid="thread">
      {sorted.map((n) => (
        <li key={n.id} class={`note note-${n.visibility} note-${n.author_kind}`} data-visibility={n.visibility}>
          <div class="note-head">
            <strong>{n.author_kind === 'customer' ? t('case.customer') : n.author || t('case.staff')}</strong>
            <span class="muted"> · {fmt.dateTime(n.created_at)}</span>
            {n.visibility === 'internal' && <span class="badge internal">{t('case.internal')}</span>}
          </div>
          <div class="note-body">{n.body}</div>
        </li>
      ))}
    </ol>
  );
}

/**
 * The reply box: POST /cases/{id}/notes. Staff choose customer-visible reply or internal
 * note and may insert a macro; the portal always replies to the customer thread.
 */
export function ReplyBox({ caseId, staff, onPosted }: { caseId: string | number; staff: boolean; onPosted: () => void }) {
  const { t, locale } = useApp();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'customer' | 'internal'>('customer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await request(`/api/v1/cases/${encodeURIComponent(String(caseId))}/notes`, {
        method: 'POST',
        body: staff ? { body, visibility } : { body },
      });
      setBody('');
      onPosted();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fieldErr = error instanceof ApiError ? error.problem.errors.find((x) => x.field === 'body') : undefined;
  return (
    <form class="reply" onSubmit={submit} data-testid="reply-form">
      {staff && (
        <div class="row">
          <label class="field inline">
            <span>{t('case.visibility')}</span>
            <select data-testid="reply-visibility" value={visibility} onChange={(e) => setVisibility((e.currentTarget as HTMLSelectElement).value as 'customer' | 'internal')}>
              <option value="customer">{t('case.replyCustomer')}</option>
              <option value="internal">{t('case.internalNote')}</option>
            </select>
          </label>
          <label class="field inline">
            <span>{t('case.macro')}</span>
            <select
              data-testid="macro"
              value=""
              onChange={(e) => {
                const m = MACROS.find((x) => x.id === (e.currentTarget as HTMLSelectElement).value);
                if (m) setBody((b) => (b ? `${b}\n` : '') + (locale === 'zh-CN' ? m.zh : m.en));
                (e.currentTarget as HTMLSelectElement).value = '';
              }}
            >
              <option value="">{t('case.macroPick')}</option>
              {MACROS.map((m) => (
                <option key={m.id} value={m.id}>
                  {t(`macro.${m.id}` as 'macro.ack')}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label class="field">
        <span>{staff ? t('case.message') : t('case.yourReply')}</span>
        <textarea name="reply" data-testid="reply-body" rows={4} value={body} onInput={(e) => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      {fieldErr && <p class="field-error">{fieldErr.message}</p>}
      {error != null && !fieldErr && <ErrorBox error={error} />}
      <div class="actions">
        <button type="submit" class="primary" data-testid="reply-send" disabled={busy || !body.trim()}>
          {busy ? t('common.saving') : staff && visibility === 'internal' ? t('case.addNote') : t('case.send')}
        </button>
      </div>
    </form>
  );
}
