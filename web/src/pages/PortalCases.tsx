// Portal: own cases (list, open one and reply, create) and satisfaction surveys.
import { useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { ApiError, get, request } from '../lib/api';
import { messagesFor, type FieldError } from '../lib/problem';
import type { Page } from '../lib/types';
import { CASE_CATEGORIES, RATING_KEYS, buildSurveyAnswer, remapSurveyField, type ServiceCase, type Survey, type SurveyDraft } from '../lib/service';
import { navigate } from '../lib/router';
import { Empty, ErrorBox, Link, Loading, Section, useAsync } from '../components/common';
import { CaseThread, ReplyBox } from '../components/CaseParts';
import '../service.css';

export function PortalCasesPage() {
  const { t, tv, fmt } = useApp();
  const res = useAsync((signal) => get<Page<ServiceCase>>('/api/v1/cases?limit=100', signal), []);
  const rows = res.data?.data ?? [];
  return (
    <div class="page portal" data-testid="portal-cases">
      <div class="page-head">
        <h1>{t('portal.cases')}</h1>
        <Link href="/portal/cases/new" class="button primary" data-testid="new-case">
          {t('portal.newCase')}
        </Link>
      </div>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data && rows.length === 0 && <Empty>{t('portal.noCases')}</Empty>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="grid" data-testid="case-table">
            <thead>
              <tr>
                <th>{t('case.number')}</th>
                <th>{t('case.subject')}</th>
                <th>{t('case.status')}</th>
                <th>{t('case.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/portal/cases/${c.id}`} data-testid="case-link">
                      {c.number}
                    </Link>
                  </td>
                  <td>{c.subject}</td>
                  <td>
                    <span class={`status-pill s-${c.status}`}>{tv('caseStatus', c.status)}</span>
                  </td>
                  <td>{fmt.dateTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function PortalCasePage({ id }: { id: string }) {
  const { t, tv, fmt } = useApp();
  const res = useAsync((signal) => get<ServiceCase>(`/api/v1/cases/${encodeURIComponent(id)}`, signal), [id]);
  const c = res.data;
  const sla = c?.sla && 'resolution_due' in c.sla ? c.sla : null;
  return (
    <div class="page portal" data-testid="portal-case">
      <p>
        <Link href="/portal/cases">← {t('portal.cases')}</Link>
      </p>
      {res.loading && !c && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {c && (
        <>
          <div class="case-head">
            <h1>
              <span data-testid="case-number">{c.number}</span> · {c.subject}
            </h1>
            <span class={`status-pill s-${c.status}`} data-testid="case-status">
              {tv('caseStatus', c.status)}
            </span>
          </div>
          <p class="muted">
            {tv('caseCategory', c.category)} · {t('case.created')} {fmt.dateTime(c.created_at)}
            {sla?.resolution_due && c.status !== 'resolved' && c.status !== 'closed' && ` · ${t('portal.expectedBy', { d: fmt.dateTime(sla.resolution_due) })}`}
          </p>
          <Section title={t('case.thread')}>
            {c.description && <p class="case-description">{c.description}</p>}
            <CaseThread notes={c.notes ?? []} />
            <ReplyBox caseId={c.id} staff={false} onPosted={res.reload} />
          </Section>
        </>
      )}
    </div>
  );
}

export function PortalNewCasePage() {
  const { t, tv } = useApp();
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<string>('other');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors: FieldError[] = error instanceof ApiError ? error.problem.errors : [];
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { subject, category };
      if (description.trim()) body.description = description;
      const r = await request<ServiceCase>('/api/v1/cases', { method: 'POST', body, headers: { 'Idempotency-Key': `portal-${Date.now()}-${Math.random().toString(36).slice(2)}` } });
      navigate(`/portal/cases/${r.data.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const fieldErr = (f: string) =>
    messagesFor(errors, f).map((m, i) => (
      <p class="field-error" key={i} data-testid={`error-${f}`}>
        {m}
      </p>
    ));
  return (
    <div class="page portal" data-testid="portal-new-case">
      <h1>{t('portal.newCase')}</h1>
      <form class="card" onSubmit={submit} noValidate>
        <label class="field">
          <span>{t('case.subject')}</span>
          <input name="subject" data-testid="case-subject" value={subject} onInput={(e) => setSubject((e.currentTarget as HTMLInputElement).value)} />
          {fieldErr('subject')}
        </label>
        <label class="field">
          <span>{t('case.category')}</span>
          <select name="category" value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value)}>
            {CASE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tv('caseCategory', c)}
              </option>
            ))}
          </select>
          {fieldErr('category')}
        </label>
        <label class="field">
          <span>{t('case.description')}</span>
          <textarea name="description" rows={5} value={description} onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)} />
          {fieldErr('description')}
        </label>
        {error != null && errors.length === 0 && <ErrorBox error={error} />}
        <div class="actions">
          <button type="submit" class="primary" data-testid="case-create" disabled={busy}>
            {busy ? t('common.saving') : t('portal.submitCase')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function PortalSurveysPage() {
  const { t, tv, fmt } = useApp();
  const res = useAsync((signal) => get<Page<Survey>>('/api/v1/surveys?limit=100', signal), []);
  const rows = res.data?.data ?? [];
  return (
    <div class="page portal" data-testid="portal-surveys">
      <h1>{t('portal.surveys')}</h1>
      {res.loading && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {res.data && rows.length === 0 && <Empty>{t('portal.noSurveys')}</Empty>}
      {rows.length > 0 && (
        <ul class="hits" data-testid="survey-list">
          {rows.map((s) => (
            <li key={s.id} class="card">
              <Link href={`/portal/surveys/${s.id}`} data-testid={s.status === 'issued' ? 'survey-open' : 'survey-link'}>
                {t('survey.title', { n: String(s.id) })}
              </Link>{' '}
              <span class={`status-pill s-${s.status}`}>{tv('surveyStatus', s.status)}</span>
              <div class="muted">
                {t('survey.issued', { d: fmt.date(s.issued_at) })}
                {s.answered_at && ` · ${t('survey.answeredAt', { d: fmt.date(s.answered_at) })}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RatingInput({ value, onInput, name, max, min, invalid }: { value: string; onInput: (v: string) => void; name: string; min: number; max: number; invalid: boolean }) {
  return (
    <input
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      name={name}
      data-testid={name}
      aria-invalid={invalid}
      value={value}
      onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

export function PortalSurveyPage({ id }: { id: string }) {
  const { t, tv } = useApp();
  const res = useAsync((signal) => get<Survey>(`/api/v1/surveys/${encodeURIComponent(id)}`, signal), [id]);
  const [draft, setDraft] = useState<SurveyDraft>({ ratings: {}, csat: '', nps: '', comment: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const s = res.data;
  async function submit(e: Event) {
    e.preventDefault();
    if (!s) return;
    const built = buildSurveyAnswer(s, draft);
    setError(null);
    if (built.errors.length) {
      setErrors(built.errors.map((x) => ({ ...x, message: x.field === 'csat' ? t('survey.errCsat') : x.field === 'nps' ? t('survey.errNps') : x.field === 'answers' ? t('survey.errNone') : t('survey.errRating') })));
      return;
    }
    setBusy(true);
    try {
      await request(`/api/v1/surveys/${encodeURIComponent(id)}/answers`, { method: 'POST', body: built.body });
      setErrors([]);
      setDone(true);
      res.reload();
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors.length) setErrors(err.problem.errors.map((x) => ({ ...x, field: remapSurveyField(x.field, built.sent) })));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }
  const msgs = (f: string) =>
    messagesFor(errors, f).map((m, i) => (
      <p class="field-error" key={i} data-testid={`error-${f}`}>
        {m}
      </p>
    ));
  const setRating = (attr: string, k: string, v: string) => setDraft((d) => ({ ...d, ratings: { ...d.ratings, [attr]: { ...d.ratings[attr], [k]: v } } }));
  return (
    <div class="page portal" data-testid="portal-survey">
      <p>
        <Link href="/portal/surveys">← {t('portal.surveys')}</Link>
      </p>
      {res.loading && !s && <Loading />}
      {res.error != null && <ErrorBox error={res.error} onRetry={res.reload} />}
      {s && (
        <>
          <h1>{t('survey.title', { n: String(s.id) })}</h1>
          {s.case_id && (
            <p>
              <Link href={`/portal/cases/${s.case_id}`}>{t('survey.aboutCase')}</Link>
            </p>
          )}
          {s.status === 'answered' ? (
            <div class="notice" data-testid="survey-answered">
              {done ? t('survey.thanks') : t('survey.alreadyAnswered')}
              {s.csat !== null && s.csat !== undefined && ` · CSAT ${s.csat}`}
              {s.nps !== null && s.nps !== undefined && ` · NPS ${s.nps}`}
            </div>
          ) : (
            <form class="card" onSubmit={submit} noValidate data-testid="survey-form">
              <p class="muted">{t('survey.scale')}</p>
              <div class="table-wrap">
                <table class="survey-table">
                  <thead>
                    <tr>
                      <th>{t('survey.attribute')}</th>
                      {RATING_KEYS.map((k) => (
                        <th key={k}>{t(`survey.${k}` as 'survey.importance')}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {s.attributes.map((attr, i) => (
                      <tr key={attr} data-attribute={attr}>
                        <td>{tv('surveyAttr', attr)}</td>
                        {RATING_KEYS.map((k) => (
                          <td key={k}>
                            <RatingInput
                              name={`answers[${i}].${k}`}
                              min={1}
                              max={7}
                              invalid={messagesFor(errors, `answers[${i}].${k}`).length > 0}
                              value={draft.ratings[attr]?.[k] ?? ''}
                              onInput={(v) => setRating(attr, k, v)}
                            />
                            {msgs(`answers[${i}].${k}`)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {msgs('answers')}
              <div class="form-grid">
                {s.ask_csat && (
                  <label class="field">
                    <span>{t('survey.csat')}</span>
                    <RatingInput name="csat" min={1} max={5} invalid={messagesFor(errors, 'csat').length > 0} value={draft.csat} onInput={(v) => setDraft({ ...draft, csat: v })} />
                    {msgs('csat')}
                  </label>
                )}
                {s.ask_nps && (
                  <label class="field">
                    <span>{t('survey.nps')}</span>
                    <RatingInput name="nps" min={0} max={10} invalid={messagesFor(errors, 'nps').length > 0} value={draft.nps} onInput={(v) => setDraft({ ...draft, nps: v })} />
                    {msgs('nps')}
                  </label>
                )}
              </div>
              <label class="field">
                <span>{t('survey.comment')}</span>
                <textarea name="comment" rows={3} value={draft.comment} onInput={(e) => setDraft({ ...draft, comment: (e.currentTarget as HTMLTextAreaElement).value })} />
                {msgs('comment')}
              </label>
              {error != null && <ErrorBox error={error} />}
              <div class="actions">
                <button type="submit" class="primary" data-testid="survey-submit" disabled={busy}>
                  {busy ? t('common.saving') : t('survey.submit')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
