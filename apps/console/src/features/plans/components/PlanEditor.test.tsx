import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import en from '../../../locales/en/plans.json' with { type: 'json' };
import zh from '../../../locales/zh-CN/plans.json' with { type: 'json' };
import { NEW_PLAN, type PlanDraft } from './plan-draft';
import { PlanEditor } from './PlanEditor';

const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { plans: en }, 'zh-CN': { plans: zh } }, ns: ['plans'], initImmediate: false });

function Harness({ initial = NEW_PLAN, serverErrors }: { initial?: PlanDraft; serverErrors?: Record<string, string[]> }) {
  const [plan, setPlan] = useState(initial);
  return (
    <I18nextProvider i18n={i18n}>
      <PlanEditor value={plan} onChange={setPlan} serverErrors={serverErrors} />
      <output data-testid="json">{JSON.stringify(plan)}</output>
    </I18nextProvider>
  );
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('PlanEditor', () => {
  it('shows the billing rule in Chinese and English and updates it as the operator types', () => {
    render(<Harness />);
    expect(screen.getByTestId('rule-zh').textContent).toContain('3元');
    expect(screen.getByTestId('rule-en').textContent).toMatch(/¥3/);
    type('Price per unit (fen)', '450');
    expect(screen.getByTestId('rule-zh').textContent).toContain('4.50元/小时');
    expect(screen.getByTestId('rule-en').textContent).toMatch(/¥4\.50?/);
    expect(JSON.parse(screen.getByTestId('json').textContent!).rental.unitFen).toBe(450);
  });

  it('quotes the sample session with the plan as typed', () => {
    render(<Harness />);
    // 130 minutes at 3 yuan per started hour, 5 free minutes (grace): 3 hours = ¥9.00
    expect(screen.getByTestId('sample-total').textContent).toContain('9.00');
    type('Price per unit (fen)', '100');
    expect(screen.getByTestId('sample-total').textContent).toContain('3.00');
    type('Minutes', '3');
    expect(screen.getByTestId('sample-total').textContent).toContain('0.00'); // within the free minutes
  });

  it('shows a bad value’s error on its field, and hides the rule text until it is fixed', () => {
    render(<Harness />);
    type('Unit (minutes)', '-5');
    const item = screen.getByLabelText('Unit (minutes)').closest('.ant-form-item')!;
    expect(within(item as HTMLElement).getByText(/integer|positive|greater|at least/i)).toBeTruthy();
    expect(screen.queryByTestId('rule-zh')).toBeNull();
    expect(screen.getAllByText('Fix the plan to see its billing rule.').length).toBeGreaterThan(0);
    type('Unit (minutes)', '30');
    expect(screen.getByTestId('rule-zh')).toBeTruthy();
  });

  it('edits every plan type: items, time-of-use energy and volume, with errors on the row’s field', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('switch', { name: 'Use By time' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Use By item' }));
    type('Price (fen)', '350');
    expect(JSON.parse(screen.getByTestId('json').textContent!)).toMatchObject({ items: { catalog: [{ sku: 'sku-1', priceFen: 350 }] } });
    expect(JSON.parse(screen.getByTestId('json').textContent!).rental).toBeUndefined();
    fireEvent.click(screen.getByRole('switch', { name: 'Use By kWh (time of use)' }));
    type('To (HH:MM)', '08:00'); // the bands no longer cover the day
    expect(screen.queryByTestId('rule-en')).toBeNull();
    fireEvent.click(screen.getByText('Add band'));
    fireEvent.change(screen.getAllByLabelText('From (HH:MM)')[1]!, { target: { value: '08:00' } });
    fireEvent.change(screen.getAllByLabelText('Energy (fen/kWh)')[1]!, { target: { value: '95' } });
    expect(screen.getByTestId('rule-en')).toBeTruthy(); // two bands covering the day again
    expect(JSON.parse(screen.getByTestId('json').textContent!).energy.bands).toEqual([
      { from: '00:00', to: '08:00', energyFenPerKwh: 80, serviceFenPerKwh: 40 },
      { from: '08:00', to: '24:00', energyFenPerKwh: 95, serviceFenPerKwh: 0 },
    ]);
    fireEvent.click(screen.getByRole('switch', { name: 'Use By litre' }));
    expect(screen.getByLabelText('Price (fen/litre)')).toBeTruthy();
  });

  it('shows the server’s field errors (problem+json) on their fields', () => {
    render(<Harness serverErrors={{ totalCapFen: ['the plan has no total cap'] }} />);
    const item = screen.getByLabelText('Total cap (fen)').closest('.ant-form-item')!;
    expect(within(item as HTMLElement).getByText('the plan has no total cap')).toBeTruthy();
  });
});
