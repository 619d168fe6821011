import { useState, type ReactNode } from 'react';
import { Button, Drawer, Flex, Grid, Layout, Menu, Select, Space, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UnreadBadge } from '@/features/alerts/components/unread-badge';
import { auth } from '@/lib/auth';
import { permissionsOf } from '@/lib/access';
import { useMe } from '@/lib/me';
import { LANGUAGES } from '@/lib/i18n';
import { preferences, usePreferences, type Language } from '@/lib/preferences';
import { NAV, navKeyFor } from './nav';

const ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Asia/Singapore', 'Europe/London', 'America/New_York', 'UTC'];

/** The signed-in frame: the menu the access map allows, the organisation, language, time zone, sign out. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const screens = Grid.useBreakpoint();
  const phone = screens.lg === false;
  const [drawer, setDrawer] = useState(false);
  const { language, timeZone } = usePreferences();
  const granted = permissionsOf(me);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[navKeyFor(pathname)]}
      onClick={() => setDrawer(false)}
      items={NAV.filter((item) => granted.has(item.permission)).map((item) => ({
        key: item.to,
        icon: item.icon,
        label: (
          <Link to={item.to}>
            {t(item.label)}
            {item.badge ? <item.badge /> : null}
          </Link>
        ),
      }))}
    />
  );
  const brand = (
    <Typography.Title level={4} style={{ margin: '16px 20px', fontSize: 17, lineHeight: 1.35 }}>
      {t('app.name')} · {t('app.title')}
    </Typography.Title>
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #f0f0f0', height: 'auto', lineHeight: 'normal' }}>
          <Flex justify="space-between" align="center" gap="small" wrap style={{ minHeight: 56 }}>
            <Space>
              {phone ? <Button icon={<MenuOutlined />} aria-label={t('header.menu')} onClick={() => setDrawer(true)} /> : null}
              <Typography.Text strong data-testid="organization-name">
                {me?.organizationName}
              </Typography.Text>
              {phone ? null : <Typography.Text type="secondary">{me?.user.email ?? me?.user.phone}</Typography.Text>}
            </Space>
            <Space wrap size="small">
              <UnreadBadge />
              <Select<Language>
                aria-label={t('header.language')}
                size="small"
                value={language}
                onChange={(value) => preferences.set({ language: value })}
                options={LANGUAGES.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))}
                style={{ width: 96 }}
              />
              {phone ? null : (
                <Select
                  aria-label={t('header.timeZone')}
                  size="small"
                  value={timeZone}
                  onChange={(value) => preferences.set({ timeZone: value })}
                  options={ZONES.map((z) => ({ value: z, label: z }))}
                  style={{ width: 150 }}
                />
              )}
              <Button size="small" icon={<LogoutOutlined />} onClick={() => void auth.signOut()}>
                {phone ? null : t('header.signOut')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
