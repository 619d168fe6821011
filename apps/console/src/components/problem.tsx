import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toProblem, type ProblemDetails } from '@/lib/problem';

/** What a code means in the user's language; the server's own detail when the console has no text for it. */
export function useProblemMessage(): (problem: ProblemDetails) => string {
  const { t, i18n } = useTranslation('errors');
  return (problem) => (i18n.exists(`errors:${problem.code}`) ? t(problem.code) : problem.detail || problem.code);
}

/** The one way a failed read or action is shown: what happened, its code and request id, and what to do. */
export function Problem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  const problem = toProblem(error);
  const fieldLines = problem.errors.flatMap((e) => e.messages.map((m) => `${e.field}: ${m}`));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message(problem)}
      description={
        <div>
          {problem.detail && problem.detail !== message(problem) ? <div>{problem.detail}</div> : null}
          {fieldLines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('problem.code')}: {problem.code}
            {problem.requestId ? ` · ${t('problem.requestId')}: ${problem.requestId}` : ''}
          </Typography.Text>
        </div>
      }
      action={
        onRetry ? (
          <a onClick={onRetry} role="button" tabIndex={0}>
            {t('actions.retry')}
          </a>
        ) : undefined
      }
    />
  );
}
