import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { i18next } from '@/lib/i18n';
import { NEW_PLAN, type PlanDraft } from './plan-draft';
import { PlanEditor } from './plan-editor';

// the editor is a large antd form: on a shared two-core machine one test can take longer than the default 20 s
jest.setTimeout(120_000);
beforeAll(() => i18next.changeLanguage('en'));
afterAll(() => i18next.changeLanguage('zh-CN'));

function Harness({ initial = NEW_PLAN, serverErrors }: { initial?: PlanDraft; serverErrors?: Record<string, string[]> }) {
  const [plan, setPlan] = useState(initial);
  return (
    <>
      <PlanEditor value={plan} onChange={setPlan} {...(serverErrors ? { serverErrors } : {})} />
      <output data-testid="json">{JSON.stringify(plan)}</output>
    </>
  );
}

const planJson = () => JSON.parse(screen.getByTestId('json').textContent!);

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('PlanEditor', () => {
  it('shows the billing rule in Chinese and English and updates it as the operator types', () => {
    render(<Harness />);
    expect(screen.getByTestId('rule-zh').textContent).toContain('3元');
    expect(screen.getByTestId('rule-en').textContent).toMatch(/¥3/);
    expect(screen.getByLabelText('Price per unit (¥)')).toHaveValue('3');
    type('Price per unit (¥)', '4.5');
    expect(screen.getByTestId('rule-zh').textContent).toContain('4.50元/小时');
    expect(screen.getByTestId('rule-en').textContent).toMatch(/¥4\.50?/);
    expect(planJson().rental.unitFen).toBe(450);
  });

  it('quotes the sample session with the plan as typed', () => {
    render(<Harness />);
    // 130 minutes at 3 yuan per started hour, 5 free minutes (grace): 3 hours = ¥9.00
    expect(screen.getByTestId('sample-total').textContent).toContain('9.00');
    type('Price per unit (¥)', '1');
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
    type('Price (¥)', '3.5');
    expect(planJson()).toMatchObject({ items: { catalog: [{ sku: 'sku-1', priceFen: 350 }] } });
    expect(planJson().rental).toBeUndefined();
    fireEvent.click(screen.getByRole('switch', { name: 'Use By kWh (time of use)' }));
    type('To (HH:MM)', '08:00'); // the bands no longer cover the day
    expect(screen.queryByTestId('rule-en')).toBeNull();
    fireEvent.click(screen.getByText('Add band'));
    fireEvent.change(screen.getAllByLabelText('From (HH:MM)')[1]!, { target: { value: '08:00' } });
    fireEvent.change(screen.getAllByLabelText('Energy (¥/kWh)')[1]!, { target: { value: '0.95' } });
    expect(screen.getByTestId('rule-en')).toBeTruthy(); // two bands covering the day again
    expect(planJson().energy.bands).toEqual([
      { from: '00:00', to: '08:00', energyFenPerKwh: 80, serviceFenPerKwh: 40 },
      { from: '08:00', to: '24:00', energyFenPerKwh: 95, serviceFenPerKwh: 0 },
    ]);
    fireEvent.click(screen.getByRole('switch', { name: 'Use By litre' }));
    expect(screen.getByLabelText('Price (¥/litre)')).toBeTruthy();
  });

  it('takes money in yuan, hands on integer fen, and refuses text that is not an amount', () => {
    render(<Harness />);
    type('Daily cap (¥)', '12.34');
    expect(planJson().rental.dailyCapFen).toBe(1234);
    type('Daily cap (¥)', '12.345');
    const item = screen.getByLabelText('Daily cap (¥)').closest('.ant-form-item')!;
    expect(within(item as HTMLElement).getByText(/Enter an amount in yuan/)).toBeTruthy();
    expect(planJson().rental.dailyCapFen).toBe('12.345'); // not the amount typed before: the plan is invalid
    expect(screen.queryByTestId('rule-zh')).toBeNull(); // and is not shown as if it were valid
    type('Daily cap (¥)', '');
    expect(planJson().rental.dailyCapFen).toBeUndefined(); // optional: emptied means no cap
    expect(screen.getByTestId('rule-zh')).toBeTruthy();
  });

  it('shows the server’s field errors (problem+json) on their fields', () => {
    render(<Harness serverErrors={{ totalCapFen: ['the plan has no total cap'] }} />);
    const item = screen.getByLabelText('Total cap (¥)').closest('.ant-form-item')!;
    expect(within(item as HTMLElement).getByText('the plan has no total cap')).toBeTruthy();
  });
});
