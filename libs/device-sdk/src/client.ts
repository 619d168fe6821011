import { deviceAuthHeaders } from './signature.js';
import type { CommandAck, CommandsResponse, DeviceEvent, EventResponse, HeartbeatBody, HeartbeatResponse, Problem } from './wire.js';

export class DeviceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceApiError';
  }
}

export interface DeviceClientOptions {
  /** e.g. `http://127.0.0.1:3000` */
  readonly baseUrl: string;
  readonly deviceId: string;
  readonly secret: string;
  /** The device's clock in ms (default Date.now); a drifting clock is simulated by offsetting it. */
  readonly clock?: () => number;
  /** Replaces global fetch (tests, packet loss simulation). */
  readonly fetch?: typeof fetch;
}

/** What a device does: signed heartbeats, command long polls and acknowledgements, events. */
export class DeviceClient {
  private readonly clock: () => number;
  private readonly doFetch: typeof fetch;

  constructor(readonly options: DeviceClientOptions) {
    this.clock = options.clock ?? Date.now;
    this.doFetch = options.fetch ?? fetch;
  }

  heartbeat(body: HeartbeatBody, signal?: AbortSignal): Promise<HeartbeatResponse> {
    return this.request<HeartbeatResponse>('POST', '/device/v1/heartbeat', body, signal);
  }

  /** Long poll: answers as soon as a command is queued, or with none after `waitSeconds` (≤ 30). */
  async pollCommands(waitSeconds = 25, signal?: AbortSignal): Promise<CommandsResponse['commands']> {
    const response = await this.request<CommandsResponse>('GET', `/device/v1/commands?waitSeconds=${waitSeconds}`, undefined, signal);
    return response.commands;
  }

  ack(commandId: string, ack: CommandAck, signal?: AbortSignal): Promise<{ id: string; state: string }> {
    return this.request('POST', `/device/v1/commands/${encodeURIComponent(commandId)}/ack`, ack, signal);
  }

  sendEvent(event: DeviceEvent, signal?: AbortSignal): Promise<EventResponse> {
    return this.request<EventResponse>('POST', '/device/v1/events', event, signal);
  }

  async request<T>(method: 'GET' | 'POST', pathWithQuery: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...deviceAuthHeaders(this.options.deviceId, this.options.secret, { method, pathWithQuery, body: text }, { now: this.clock() }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    const response = await this.doFetch(`${this.options.baseUrl}${pathWithQuery}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: text }),
      ...(signal ? { signal } : {}),
    });
    const answer = (await response.json().catch(() => ({}))) as unknown;
    if (!response.ok) {
      const problem = answer as Partial<Problem>;
      throw new DeviceApiError(response.status, problem.code ?? 'HTTP_ERROR', problem.detail ?? `HTTP ${response.status}`);
    }
    return answer as T;
  }
}
