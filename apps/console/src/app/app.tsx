import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import '@/lib/i18n';
import { auth } from '@/lib/auth';
import { usePreferences } from '@/lib/preferences';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/** The providers (query client, router, antd locale) and the one reaction to a session that ended. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  const { language } = usePreferences();
  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = language;
  }, [language]);
  useEffect(
    () =>
      auth.subscribe(() => {
        const { status } = auth.snapshot();
        if (status === 'expired' || status === 'signed-out') {
          queryClient.clear();
          const here = router.state.location;
          if (here.pathname !== '/login') {
            void router.navigate({
              to: '/login',
              search: { redirect: here.href, ...(status === 'expired' ? { expired: true } : {}) },
            });
          }
        }
      }),
    [queryClient, router],
  );
  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
