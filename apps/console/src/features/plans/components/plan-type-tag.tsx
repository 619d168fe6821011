import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@zizhu/api-client';
import '../i18n';

const TYPE_COLOURS: Record<Schemas['PlanSummaryDto']['type'], string> = { RENTAL: 'blue', ITEMS: 'purple', ENERGY: 'gold', VOLUME: 'cyan', MIXED: 'magenta' };

/** A plan's kind (from the charge parts of its current version). */
export function PlanTypeTag({ type }: { type: Schemas['PlanSummaryDto']['type'] }) {
  const { t } = useTranslation('plans');
  return (
    <Tag color={TYPE_COLOURS[type]} data-type={type}>
      {t(`type.${type}`)}
    </Tag>
  );
}
