import { type Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
// Algorithm.Argon2id is an ambient const enum (2), which isolatedModules cannot inline.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Verified against when the login does not exist, so a wrong login costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

export const passwordHasher = {
  hash: (password: string): Promise<string> => hash(password, OPTIONS),
  async verify(hashed: string | null, password: string): Promise<boolean> {
    dummyHash ??= hash('zizhu-timing-equaliser', OPTIONS);
    const target = hashed ?? (await dummyHash);
    const matches = await verify(target, password).catch(() => false);
    return hashed !== null && matches;
  },
};
