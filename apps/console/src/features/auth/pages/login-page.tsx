import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client } from '@/lib/api';
import { auth } from '@/lib/auth';
import { toProblem, unwrap } from '@/lib/problem';
import { useProblemMessage } from '@/components/problem';

interface Credentials {
  login: string;
  password: string;
}

/** Sign in with a login and password; then back to the page the user wanted. */
export function LoginPage({ expired, onSignedIn }: { expired: boolean; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useProblemMessage();
  const [showExpired, setShowExpired] = useState(expired);
  const login = useMutation({
    mutationFn: async (body: Credentials) => unwrap(await client.POST('/v1/auth/login', { body })),
    onSuccess: (tokens) => {
      queryClient.clear();
      auth.signedIn(tokens);
      onSignedIn();
    },
    onMutate: () => setShowExpired(false),
  });
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {showExpired ? <Alert type="warning" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} /> : null}
        {login.isError ? <Alert type="error" showIcon role="alert" title={message(toProblem(login.error))} style={{ marginBottom: 16 }} /> : null}
        <Form<Credentials> layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false} disabled={login.isPending}>
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.required', { field: t('login.login') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t('login.loginPlaceholder')} autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12, textAlign: 'center' }}>
          {t('login.demo')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
