import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { $api, client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { fetchBlob, postRawFile } from '@/lib/raw-upload';
import { saveBlob } from '@/lib/save-blob';
import { ticketsApiQuery, type TicketsSearch } from '../search';
import { maintenanceKeys } from './keys';

export type Ticket = Schemas['TicketDto'];
export type TicketDetail = Schemas['TicketDetailDto'];
export type TicketAction = Schemas['TransitionTicketDto']['action'];

/** One page of tickets, newest first. */
export const ticketsQuery = (search: TicketsSearch) =>
  $api.queryOptions('get', '/v1/maintenance/tickets', { params: { query: ticketsApiQuery(search) } }, { placeholderData: (previous) => previous });

export const ticketQuery = (id: string) => $api.queryOptions('get', '/v1/maintenance/tickets/{id}', { params: { path: { id } } });

/** Who may take a ticket of the device (or of the caller's organisation). */
export const assigneesQuery = (deviceId?: string) => $api.queryOptions('get', '/v1/maintenance/assignees', { params: { query: deviceId ? { deviceId } : {} } });

export async function createTicket(body: Schemas['CreateTicketDto']): Promise<TicketDetail> {
  return unwrap(await client.POST('/v1/maintenance/tickets', { body }));
}

export async function findDeviceByCode(code: string): Promise<Schemas['DeviceDto']> {
  return unwrap(await client.GET('/v1/devices/by-code/{code}', { params: { path: { code } } }));
}

export async function updateTicket(id: string, body: Schemas['UpdateTicketDto']): Promise<TicketDetail> {
  return unwrap(await client.PATCH('/v1/maintenance/tickets/{id}', { params: { path: { id } }, body }));
}

export async function transitionTicket(id: string, body: Schemas['TransitionTicketDto']): Promise<TicketDetail> {
  return unwrap(await client.POST('/v1/maintenance/tickets/{id}/transitions', { params: { path: { id } }, body }));
}

export async function addNote(id: string, body: string): Promise<TicketDetail> {
  return unwrap(await client.POST('/v1/maintenance/tickets/{id}/notes', { params: { path: { id } }, body: { body } }));
}

export async function uploadPhoto(id: string, file: File): Promise<unknown> {
  return postRawFile(`/v1/maintenance/tickets/${encodeURIComponent(id)}/photos?name=${encodeURIComponent(file.name)}`, file);
}

export async function downloadPhoto(id: string, photo: { id: string; name: string }): Promise<void> {
  saveBlob(await fetchBlob(`/v1/maintenance/tickets/${encodeURIComponent(id)}/photos/${encodeURIComponent(photo.id)}`), photo.name);
}

/** After any change to a ticket: the lists and that ticket. */
export function useTicketChanged(): (id?: string) => Promise<void> {
  const queryClient = useQueryClient();
  return async (id) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: maintenanceKeys.lists() }),
      ...(id ? [queryClient.invalidateQueries({ queryKey: maintenanceKeys.detail(id) })] : []),
    ]);
  };
}

/** The organisation's automatic-ticket kinds. */
export const maintenanceSettingsQuery = () => $api.queryOptions('get', '/v1/maintenance/settings', {});

export async function saveMaintenanceSettings(autoTicketKinds: string[]): Promise<Schemas['MaintenanceSettingsDto']> {
  return unwrap(await client.PUT('/v1/maintenance/settings', { body: { autoTicketKinds: autoTicketKinds as Schemas['PutMaintenanceSettingsDto']['autoTicketKinds'] } }));
}
