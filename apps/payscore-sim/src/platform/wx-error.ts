// A WeChat Pay APIv3 error answer: HTTP status + {code, message, detail?}.
export class WxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WxError';
  }

  toBody(): Record<string, unknown> {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export const paramError = (message: string, field?: string): WxError =>
  new WxError(400, 'PARAM_ERROR', message, field === undefined ? undefined : { field, location: 'body', issue: message });

export const invalidRequest = (message: string): WxError => new WxError(400, 'INVALID_REQUEST', message);

export const orderNotExist = (): WxError => new WxError(404, 'ORDER_NOT_EXIST', '订单不存在');

export const noAuth = (message = '商户暂无权限使用此服务'): WxError => new WxError(403, 'NO_AUTH', message);

/** Errors of the simulator's own /sim control routes (not WeChat wire errors). */
export class SimControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimControlError';
  }
}
