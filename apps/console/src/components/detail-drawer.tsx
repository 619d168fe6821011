import type { ReactNode } from 'react';
import { Drawer, Grid } from 'antd';

/** A record's details beside its list; full width on a phone. */
export function DetailDrawer({ open, title, onClose, children, extra }: { open: boolean; title: ReactNode; onClose: () => void; children: ReactNode; extra?: ReactNode }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={open} title={title} onClose={onClose} extra={extra} size={screens.md === false ? '100%' : 640} destroyOnHidden>
      {children}
    </Drawer>
  );
}
