import { type DealDetails, UpdateDealRequest } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { RecordEditModal, type RecordFieldsProps } from '../crm/RecordEditModal.tsx';
import { DealFields } from './DealFields.tsx';
import { type DealFormValues, dealChanges, dealValues } from './deal-form-values.ts';
import { dealKey, useUpdateDeal } from './use-deals.ts';

/** The deal's fields except its stage (moved on the board or the stage bar) and lines. */
export function DealEditModal({ deal, opened, onClose }: { deal: DealDetails; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <RecordEditModal
      record={deal}
      opened={opened}
      onClose={onClose}
      title={t('deals.edit')}
      savedMessage={t('deals.updated')}
      toValues={dealValues}
      Fields={EditFields}
      toChanges={dealChanges}
      schema={UpdateDealRequest}
      useUpdate={useUpdateDeal}
      queryKey={dealKey(deal.id)}
      testId="deal-form"
    />
  );
}

function EditFields({ record, ...props }: RecordFieldsProps<DealFormValues> & { record: DealDetails }) {
  return (
    <DealFields {...props} currency={record.currency} withStage={false} amountFromLines={record.lines.length > 0} />
  );
}
