import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { deviceKeys } from './keys';

export type ImportPreview = Schemas['ImportPreviewDto'];
export type ImportedDevices = Schemas['ImportedDevicesDto'];
export type SendCommand = Schemas['SendCommandDto'];

/** Queues a command; refreshes the device's commands. */
export function useSendCommand(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SendCommand) => unwrap(await client.POST('/v1/devices/{id}/commands', { params: { path: { id: deviceId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceKeys.commands() }),
  });
}

/** Rotates the device secret (answered once); refreshes the device. */
export function useRotateSecret(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await client.POST('/v1/devices/{id}/secret/rotate', { params: { path: { id: deviceId } } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: deviceKeys.detail() }), queryClient.invalidateQueries({ queryKey: deviceKeys.lists() })]),
  });
}

/** Revokes the device secret; refreshes the device and the lists (it shows offline). */
export function useRevokeSecret(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await client.POST('/v1/devices/{id}/secret/revoke', { params: { path: { id: deviceId } } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: deviceKeys.detail() }), queryClient.invalidateQueries({ queryKey: deviceKeys.lists() })]),
  });
}

/** Binds the device to a Pay Score service (the API refuses a scenario mismatch or a risk fund above the cap). */
export function useBindPayscore(deviceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (serviceId: string) =>
      unwrap(await client.POST('/v1/devices/{id}/payscore-service', { params: { path: { id: deviceId } }, body: { serviceId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deviceKeys.detail() }),
  });
}

/** The import's preview: every row checked, nothing stored. */
export async function previewImport(csv: string): Promise<ImportPreview> {
  const result = await client.POST('/v1/devices/import', { params: { query: { dryRun: true } }, body: { csv } });
  return unwrap(result) as ImportPreview;
}

/** The import itself: all rows or none. */
export function useImportDevices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (csv: string) => unwrap(await client.POST('/v1/devices/import', { body: { csv } })) as ImportedDevices,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: deviceKeys.lists() }), queryClient.invalidateQueries({ queryKey: deviceKeys.sites() })]),
  });
}
