import { Injectable } from '@nestjs/common';

/**
 * Tells this process's device authenticator that a device's secret was rotated or revoked, so its cached
 * copy is dropped at once. Other processes learn it from the nonce claim, which returns the current
 * revocation state and secret version with every batch.
 */
@Injectable()
export class CredentialChanges {
  private readonly listeners = new Set<(deviceId: string) => void>();

  subscribe(listener: (deviceId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(deviceId: string): void {
    for (const listener of this.listeners) listener(deviceId);
  }
}
