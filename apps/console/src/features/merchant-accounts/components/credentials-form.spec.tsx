import { describe, expect, it, jest } from '@jest/globals';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CredentialsForm, type CredentialsBody } from './credentials-form';

const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7secret\n-----END PRIVATE KEY-----\n';
const V3 = 'v3v3v3v3v3v3v3v3v3v3v3v3v3v3v3v3';
const V2 = 'v2v2v2v2v2v2v2v2v2v2v2v2v2v2v2v2';

describe('CredentialsForm', () => {
  it('reads the key file in the browser, sends it with the keys, and never renders a secret back', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn<(body: CredentialsBody) => Promise<unknown>>().mockResolvedValue({});
    render(<CredentialsForm onSubmit={onSubmit} pending={false} />);
    await user.type(screen.getByLabelText('商户 API 证书序列号'), '5157F09EFDC096DE15EBE81A47057A7232F1B8E1');
    await user.upload(screen.getByLabelText('商户 API 私钥文件（apiclient_key.pem）', { selector: 'input' }), new File([PRIVATE_KEY], 'apiclient_key.pem', { type: 'application/x-pem-file' }));
    await waitFor(() => expect(screen.getByTestId('credentials-private-key-status')).toHaveTextContent('apiclient_key.pem'));
    await user.type(screen.getByLabelText('APIv3 密钥'), V3);
    await user.type(screen.getByLabelText('APIv2 密钥'), V2);
    // while filled in: the page text holds no secret, the key fields are password inputs
    expect(document.body.textContent).not.toContain('PRIVATE KEY');
    expect(screen.getByLabelText('APIv3 密钥')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: /验证并保存/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', privateKeyPem: PRIVATE_KEY, apiV3Key: V3, apiV2Key: V2 });
    await screen.findByText('证书已更换并通过微信支付验证');
    // after the answer: nothing secret anywhere in the DOM, not even in input values
    const html = document.body.innerHTML;
    for (const secret of ['PRIVATE KEY', 'MIIEvQ', V3, V2]) expect(html).not.toContain(secret);
    expect(screen.getByLabelText('APIv3 密钥')).toHaveValue('');
    expect(screen.getByTestId('credentials-private-key-status')).toHaveTextContent('尚未选择');
  });

  it('refuses to send without the private key file and names it', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn<(body: CredentialsBody) => Promise<unknown>>().mockResolvedValue({});
    render(<CredentialsForm onSubmit={onSubmit} pending={false} />);
    await user.type(screen.getByLabelText('商户 API 证书序列号'), 'ABCDEF0123');
    await user.type(screen.getByLabelText('APIv3 密钥'), V3);
    await user.type(screen.getByLabelText('APIv2 密钥'), V2);
    await user.click(screen.getByRole('button', { name: /验证并保存/ }));
    await screen.findByText('请填写商户 API 私钥文件（apiclient_key.pem）');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('clears the keys when the server refuses them and shows the problem', async () => {
    const user = userEvent.setup({ delay: null });
    const refused = { status: 422, code: 'MERCHANT_CREDENTIALS_REJECTED', title: 'x', detail: 'WeChat Pay refused the test call', errors: [] };
    const onSubmit = jest.fn<(body: CredentialsBody) => Promise<unknown>>().mockRejectedValue(refused);
    const { rerender } = render(<CredentialsForm onSubmit={onSubmit} pending={false} />);
    await user.type(screen.getByLabelText('商户 API 证书序列号'), 'ABCDEF0123');
    await user.upload(screen.getByLabelText('商户 API 私钥文件（apiclient_key.pem）', { selector: 'input' }), new File([PRIVATE_KEY], 'k.pem'));
    await waitFor(() => expect(screen.getByTestId('credentials-private-key-status')).toHaveTextContent('k.pem'));
    await user.type(screen.getByLabelText('APIv3 密钥'), V3);
    await user.type(screen.getByLabelText('APIv2 密钥'), V2);
    await user.click(screen.getByRole('button', { name: /验证并保存/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    rerender(<CredentialsForm onSubmit={onSubmit} pending={false} error={refused} />);
    await screen.findByText('WeChat Pay refused the test call');
    await waitFor(() => expect(screen.getByLabelText('APIv3 密钥')).toHaveValue(''));
    expect(document.body.innerHTML).not.toContain(V3);
    expect(document.body.innerHTML).not.toContain('PRIVATE KEY');
  });

  it('sends platform certificates instead of a public key, and mini-program secrets by appid, clearing the secrets after', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn<(body: CredentialsBody) => Promise<unknown>>().mockResolvedValue({});
    const CERT = '-----BEGIN CERTIFICATE-----\nMIID8TCCAtmgAwIBAgIUplatform\n-----END CERTIFICATE-----\n';
    render(<CredentialsForm onSubmit={onSubmit} pending={false} />);
    await user.type(screen.getByLabelText('商户 API 证书序列号'), 'ABCDEF0123');
    await user.upload(screen.getByLabelText('商户 API 私钥文件（apiclient_key.pem）', { selector: 'input' }), new File([PRIVATE_KEY], 'k.pem'));
    await waitFor(() => expect(screen.getByTestId('credentials-private-key-status')).toHaveTextContent('k.pem'));
    await user.type(screen.getByLabelText('APIv3 密钥'), V3);
    await user.type(screen.getByLabelText('APIv2 密钥'), V2);
    await user.click(screen.getByLabelText('平台证书'));
    expect(screen.queryByLabelText('微信支付公钥 ID')).toBeNull();
    await user.click(screen.getByRole('button', { name: /添加平台证书/ }));
    await user.type(screen.getByLabelText('平台证书 1 序列号'), '3775B6A45ACD588826D15E583A95F5DD');
    await user.upload(screen.getByLabelText('平台证书 1 文件', { selector: 'input' }), new File([CERT], 'wechatpay_3775.pem'));
    await screen.findByText(/wechatpay_3775\.pem/);
    await user.click(screen.getByRole('button', { name: /添加 AppSecret/ }));
    await user.type(screen.getByLabelText('AppSecret 1 的 AppID'), 'wxd678efh567hg6787');
    await user.type(screen.getByLabelText('AppSecret 1'), 'secret-of-the-mini-program');
    await user.click(screen.getByRole('button', { name: /验证并保存/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      serialNo: 'ABCDEF0123',
      privateKeyPem: PRIVATE_KEY,
      apiV3Key: V3,
      apiV2Key: V2,
      platformCertificates: [{ serialNo: '3775B6A45ACD588826D15E583A95F5DD', pem: CERT }],
      appSecrets: { wxd678efh567hg6787: 'secret-of-the-mini-program' },
    });
    await screen.findByText('证书已更换并通过微信支付验证');
    expect(document.body.innerHTML).not.toContain('secret-of-the-mini-program');
    expect(document.body.innerHTML).not.toContain('BEGIN CERTIFICATE');
    expect(screen.getByLabelText('AppSecret 1 的 AppID')).toHaveValue('wxd678efh567hg6787');
  });
});
