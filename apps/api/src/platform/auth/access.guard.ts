import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessAdmission } from './access-admission.js';
import { ACCESS_POLICY, type AccessPolicy } from './access-policy.js';

export function policyOf(reflector: Reflector, context: ExecutionContext): AccessPolicy | undefined {
  return reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
}

/** Global guard: every route must declare a policy, and the caller must satisfy it (AccessAdmission decides). Fails closed. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly admission: AccessAdmission,
  ) {}

  // Keep this a thin wrapper of AccessAdmission.admit: the direct tenant reads call that, not this.
  canActivate(execution: ExecutionContext): boolean | Promise<boolean> {
    return this.admission.admit(policyOf(this.reflector, execution), execution.switchToHttp().getRequest<FastifyRequest>());
  }
}
