import type { ComboboxItem } from '@mantine/core';
import { ROLES } from '@pulse/contracts';
import type { TFunction } from 'i18next';

export function roleOptions(t: TFunction): ComboboxItem[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
