import { Result } from 'antd';

// Placeholder for a screen whose feature is being built on its own branch; removed when the last one lands.
export function UnderConstruction({ route }: { route: string }) {
  return <Result status="info" title={route} />;
}
