import type { ComboboxItem } from '@mantine/core';
import {
  ActivityDirection,
  ActivityKind,
  ActivityStatus,
  ClientEmailLabel,
  ClientLifecycle,
  ClientPhoneLabel,
  CompanyChannel,
  CompanySize,
  DealStatus,
  LeadSource,
  LeadStatus,
  TaskPriority,
  TaskStatus,
} from '@pulse/contracts';
import type { TFunction } from 'i18next';

/** Select options for the contract enums, labelled in the user's language. */
export const channelOptions = (t: TFunction): ComboboxItem[] =>
  CompanyChannel.options.map((value) => ({ value, label: t(`crm.channel.${value}`) }));
export const sizeOptions = (t: TFunction): ComboboxItem[] =>
  CompanySize.options.map((value) => ({ value, label: t(`crm.size.${value}`) }));
export const lifecycleOptions = (t: TFunction): ComboboxItem[] =>
  ClientLifecycle.options.map((value) => ({ value, label: t(`crm.lifecycle.${value}`) }));
export const dealStatusOptions = (t: TFunction): ComboboxItem[] =>
  DealStatus.options.map((value) => ({ value, label: t(`crm.dealStatus.${value}`) }));
export const leadStatusOptions = (t: TFunction): ComboboxItem[] =>
  LeadStatus.options.map((value) => ({ value, label: t(`crm.leadStatus.${value}`) }));
export const leadSourceOptions = (t: TFunction): ComboboxItem[] =>
  LeadSource.options.map((value) => ({ value, label: t(`crm.leadSource.${value}`) }));
export const activityKindOptions = (t: TFunction): ComboboxItem[] =>
  ActivityKind.options.map((value) => ({ value, label: t(`crm.activityKind.${value}`) }));
export const directionOptions = (t: TFunction): ComboboxItem[] =>
  ActivityDirection.options.map((value) => ({ value, label: t(`crm.direction.${value}`) }));
export const activityStatusOptions = (t: TFunction): ComboboxItem[] =>
  ActivityStatus.options.map((value) => ({ value, label: t(`crm.activityStatus.${value}`) }));
export const priorityOptions = (t: TFunction): ComboboxItem[] =>
  TaskPriority.options.map((value) => ({ value, label: t(`crm.priority.${value}`) }));
export const taskStatusOptions = (t: TFunction): ComboboxItem[] =>
  TaskStatus.options.map((value) => ({ value, label: t(`crm.taskStatus.${value}`) }));
export const phoneLabelOptions = (t: TFunction): ComboboxItem[] =>
  ClientPhoneLabel.options.map((value) => ({ value, label: t(`crm.phoneLabel.${value}`) }));
export const emailLabelOptions = (t: TFunction): ComboboxItem[] =>
  ClientEmailLabel.options.map((value) => ({ value, label: t(`crm.emailLabel.${value}`) }));
export const yesNoOptions = (t: TFunction): ComboboxItem[] => [
  { value: 'true', label: t('crm.yes') },
  { value: 'false', label: t('crm.no') },
];
export const archivedOptions = (t: TFunction): ComboboxItem[] => [
  { value: 'false', label: t('crm.archived.false') },
  { value: 'true', label: t('crm.archived.true') },
  { value: 'all', label: t('crm.archived.all') },
];

/** Badge colours of a client's lifecycle. */
export const LIFECYCLE_COLORS: Record<ClientLifecycle, string> = {
  new: 'blue',
  active: 'teal',
  repeat: 'green',
  dormant: 'yellow',
  lost: 'gray',
};
export const DEAL_STATUS_COLORS: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'gray' };
export const PRIORITY_COLORS: Record<TaskPriority, string> = { low: 'gray', normal: 'blue', high: 'red' };
