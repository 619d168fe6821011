import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { BACKUP_FORMAT, MANIFEST_NAME, PGDATA_ENTRY, packBackup, readTar, unpackBackup, writeTar } from './backup-archive.js';

const meta = { taken: 'offline', masterKeyId: 'abcdef0123456789', masterKeySource: 'data-dir' } as const;

describe('backup archive', () => {
  it('round-trips entries of any size (block boundaries included), manifest first, checksums recorded', async () => {
    const entries = [
      { name: PGDATA_ENTRY, data: Buffer.alloc(1024, 7) },
      { name: 'master-key', data: Buffer.from('ab'.repeat(32)) },
      { name: 'demo-devices.json', data: Buffer.alloc(513, 1) },
      { name: 'empty', data: Buffer.alloc(0) },
    ];
    const file = await packBackup(meta, entries, new Date('2026-12-06T08:00:00Z'));
    const { manifest, entries: read } = await unpackBackup(file);
    expect(manifest).toMatchObject({ format: BACKUP_FORMAT, createdAt: '2026-12-06T08:00:00.000Z', ...meta });
    expect(manifest.entries.map((e) => [e.name, e.bytes])).toEqual(entries.map((e) => [e.name, e.data.length]));
    for (const entry of entries) expect(read.get(entry.name)?.equals(entry.data)).toBe(true);
    expect(readTar(await promisify(gunzip)(file))[0]?.name).toBe(MANIFEST_NAME);
  });

  it('refuses an entry that does not match the manifest, a file that is not gzip, a truncated tar and one without the database', async () => {
    const good = await packBackup(meta, [{ name: PGDATA_ENTRY, data: Buffer.from('database') }, { name: 'master-key', data: Buffer.from('key') }]);
    const tar = readTar(await promisify(gunzip)(good));
    const swapped = tar.map((e) => (e.name === 'master-key' ? { name: e.name, data: Buffer.from('other') } : e));
    await expect(unpackBackup(await promisify(gzip)(writeTar(swapped)))).rejects.toThrow(/master-key does not match its checksum/);
    await expect(unpackBackup(Buffer.from('plain text'))).rejects.toThrow(/not gzip-compressed/);
    const whole = writeTar(tar);
    await expect(unpackBackup(await promisify(gzip)(whole.subarray(0, 1024)))).rejects.toThrow(/damaged tar entry|end marker/);
    const noDatabase = await packBackup(meta, [{ name: 'master-key', data: Buffer.from('key') }]);
    await expect(unpackBackup(noDatabase)).rejects.toThrow(/pgdata.tar is missing/);
  });
});
