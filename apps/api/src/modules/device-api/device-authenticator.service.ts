import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { NONCE_PATTERN, SIGNATURE_WINDOW_SECONDS, signatureMatches, type SignInput } from '@zizhu/device-sdk';
import { DataSource } from 'typeorm';
import { CredentialChanges } from '../fleet/credential-changes.js';
import { DEVICE_SECRET_BOX, type DeviceSecretBox } from '../fleet/device-secrets.js';
import type { DeviceType } from '../fleet/fleet.entities.js';
import { deviceApiErrors } from './device-api.errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { LocalNonceStore, NonceStore } from './nonce-store.js';

/** The device a request was signed by. */
export interface AuthenticatedDevice {
  readonly id: string;
  readonly tenantId: string;
  readonly type: DeviceType;
  readonly heartbeatIntervalSeconds: number;
  /** A power-bank cabinet's number of slots (null: not known). */
  readonly slotCount: number | null;
  /** The device's X-Timestamp (its clock when it sent the request), unix seconds. */
  readonly sentAt: number;
  /** Server clock minus the device's, in seconds, as seen on this request. */
  readonly clockSkewSeconds: number;
}

interface Credential {
  readonly tenantId: string;
  readonly type: DeviceType;
  readonly secret: string;
  readonly version: number;
  readonly revoked: boolean;
  readonly heartbeatIntervalSeconds: number;
  readonly slotCount: number | null;
  readonly loadedAt: number;
}

export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly rawBody?: Buffer | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CACHE_LIMIT = 200_000;
const RELOAD_AFTER_MISMATCH_MS = 2000;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Verifies contracts.md §4 signatures. Decrypted secrets are cached per process; revocation and rotation
 * still take effect at once because the nonce claim (one round trip per batch of requests) returns the
 * device's current revocation state and secret version.
 */
@Injectable()
export class DeviceAuthenticator implements OnModuleInit, OnModuleDestroy {
  private readonly credentials = new Map<string, Credential>();
  readonly nonces: NonceStore;
  private readonly unsubscribe: () => void;
  private persistTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DEVICE_SECRET_BOX) private readonly box: DeviceSecretBox,
    changes: CredentialChanges,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // several processes share a server database: nonces are claimed there; the embedded one has a single process
    this.nonces = config.database.kind === 'server' ? new NonceStore(dataSource) : new LocalNonceStore(dataSource);
    // the transaction that rotated or revoked may not have committed yet: drop the copy, the next request reloads it
    this.unsubscribe = changes.subscribe((deviceId) => this.forget(deviceId));
  }

  async onModuleInit(): Promise<void> {
    await this.nonces.load();
    this.persistTimer = setInterval(() => void this.nonces.persist().catch(() => undefined), 1000);
    this.persistTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe();
    if (this.persistTimer) clearInterval(this.persistTimer);
    await this.nonces.persist().catch(() => undefined);
  }

  async authenticate(request: SignedRequest, now = Date.now()): Promise<AuthenticatedDevice> {
    const deviceId = single(request.headers['x-device-id']);
    const timestampText = single(request.headers['x-timestamp']);
    const nonce = single(request.headers['x-nonce']);
    const signature = single(request.headers['x-signature']);
    if (!deviceId || !timestampText || !nonce || !signature) throw deviceApiErrors.DEVICE_AUTH_MISSING();
    if (!UUID.test(deviceId)) throw deviceApiErrors.DEVICE_AUTH_UNKNOWN_DEVICE();
    if (!/^\d{1,12}$/.test(timestampText)) throw deviceApiErrors.DEVICE_AUTH_MALFORMED('X-Timestamp must be unix seconds.');
    if (!NONCE_PATTERN.test(nonce)) throw deviceApiErrors.DEVICE_AUTH_MALFORMED('X-Nonce must be 16–32 printable characters.');
    if (!/^[0-9a-fA-F]{64}$/.test(signature)) throw deviceApiErrors.DEVICE_AUTH_MALFORMED('X-Signature must be 64 hex digits.');
    const sentAt = Number(timestampText);
    const skew = now / 1000 - sentAt;
    if (Math.abs(skew) > SIGNATURE_WINDOW_SECONDS) {
      throw deviceApiErrors.DEVICE_AUTH_STALE_TIMESTAMP(`X-Timestamp is ${Math.round(skew)} s away from the server clock (at most ${SIGNATURE_WINDOW_SECONDS} s).`);
    }

    let credential = this.credentials.get(deviceId) ?? (await this.load(deviceId));
    if (!credential) throw deviceApiErrors.DEVICE_AUTH_UNKNOWN_DEVICE();
    if (credential.revoked) throw deviceApiErrors.DEVICE_AUTH_REVOKED();
    const input: SignInput = { method: request.method, pathWithQuery: request.url, timestamp: sentAt, nonce, body: request.rawBody ?? '' };
    if (!signatureMatches(credential.secret, input, signature)) {
      // perhaps rotated through another API process: look again, at most every few seconds per device
      if (now - credential.loadedAt < RELOAD_AFTER_MISMATCH_MS) throw deviceApiErrors.DEVICE_AUTH_BAD_SIGNATURE();
      credential = await this.load(deviceId);
      if (!credential) throw deviceApiErrors.DEVICE_AUTH_UNKNOWN_DEVICE();
      if (credential.revoked) throw deviceApiErrors.DEVICE_AUTH_REVOKED();
      if (!signatureMatches(credential.secret, input, signature)) throw deviceApiErrors.DEVICE_AUTH_BAD_SIGNATURE();
    }

    const claim = await this.nonces.claim(deviceId, nonce, new Date((sentAt + SIGNATURE_WINDOW_SECONDS + 60) * 1000));
    if (claim.revoked) {
      this.credentials.delete(deviceId);
      throw deviceApiErrors.DEVICE_AUTH_REVOKED();
    }
    if (claim.secretVersion !== null && claim.secretVersion !== credential.version) {
      // rotated since we cached it: the request must verify under the current secret
      credential = await this.load(deviceId);
      if (!credential || !signatureMatches(credential.secret, input, signature)) throw deviceApiErrors.DEVICE_AUTH_BAD_SIGNATURE();
    }
    if (!claim.fresh) throw deviceApiErrors.DEVICE_AUTH_NONCE_REPLAYED();
    return {
      id: deviceId,
      tenantId: credential.tenantId,
      type: credential.type,
      heartbeatIntervalSeconds: credential.heartbeatIntervalSeconds,
      slotCount: credential.slotCount,
      sentAt,
      clockSkewSeconds: Math.round(skew),
    };
  }

  /** Forgets a cached credential (rotation or revocation in this process). */
  forget(deviceId: string): void {
    this.credentials.delete(deviceId);
  }

  private async load(deviceId: string): Promise<Credential | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM zizhu_device_credential($1)`, [deviceId])) as {
      tenant_id: string;
      type: DeviceType;
      secret_ciphertext: string;
      secret_version: number;
      revoked: boolean;
      heartbeat_interval_seconds: number;
      slot_count?: number | null;
    }[];
    if (!row) {
      this.credentials.delete(deviceId);
      return null;
    }
    const credential: Credential = {
      tenantId: row.tenant_id,
      type: row.type,
      secret: this.box.open(deviceId, row.secret_version, row.secret_ciphertext),
      version: row.secret_version,
      revoked: row.revoked,
      heartbeatIntervalSeconds: row.heartbeat_interval_seconds,
      slotCount: row.slot_count ?? null,
      loadedAt: Date.now(),
    };
    this.credentials.delete(deviceId);
    if (this.credentials.size >= CACHE_LIMIT) {
      const oldest = this.credentials.keys().next().value;
      if (oldest !== undefined) this.credentials.delete(oldest);
    }
    this.credentials.set(deviceId, credential);
    return credential;
  }
}
