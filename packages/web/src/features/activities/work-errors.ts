import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type FieldErrors, normalizeIssuePath, useFieldErrors } from '../../shared/form-errors.ts';

type RuleKey =
  | 'work.errors.link'
  | 'work.errors.assignee'
  | 'work.errors.future'
  | 'work.errors.status'
  | 'work.errors.kind';

/** What a business rule's refusal (404 on a link, 409, 422) means on each field of an activity or task. */
function ruleMessage(field: string): RuleKey {
  if (field === 'companyId' || field === 'contactId' || field === 'leadId' || field === 'dealId') {
    return 'work.errors.link';
  }
  if (field === 'userId' || field === 'assigneeId') return 'work.errors.assignee';
  if (field === 'occurredAt') return 'work.errors.future';
  if (field === 'status') return 'work.errors.status';
  return 'work.errors.kind';
}

/**
 * Field errors of an activity or task form from any failed request: a 400 by the field's format,
 * a 404 on a linked record, a 409 or 422 by the rule the server applied. A stale `version` and
 * the next step are left to the form, which handles them on their own.
 */
export function useWorkFieldErrors(): (error: unknown) => FieldErrors {
  const { t } = useTranslation();
  const { fromIssues } = useFieldErrors();
  return (error: unknown) => {
    if (!(error instanceof ApiError)) return {};
    if (error.code === 'validation_failed') return fromIssues(error.details);
    if (error.code !== 'unprocessable' && error.code !== 'conflict' && error.code !== 'not_found') return {};
    const errors: FieldErrors = {};
    for (const issue of error.details) {
      const field = normalizeIssuePath(issue.path).split('.')[0] ?? '';
      if (!field || field === 'version' || field === 'nextStep') continue;
      errors[field] ??= t(ruleMessage(field));
    }
    return errors;
  };
}
