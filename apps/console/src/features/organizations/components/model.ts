import type { Schemas } from '@zizhu/api-client';

export type OrganizationNode = Schemas['OrganizationTreeNodeDto'];
export type OrganizationKind = OrganizationNode['kind'];
export type Role = Schemas['UserDto']['role'];
export type User = Schemas['UserDto'];

/**
 * What may be created under an organisation: the platform creates operators, a franchise brand its
 * franchisees, a hardware reseller its customers; nothing else has children.
 */
export function childKindOf(parent: Pick<OrganizationNode, 'kind' | 'operatingModel'>): Exclude<OrganizationKind, 'PLATFORM'> | null {
  if (parent.kind === 'PLATFORM') return 'OPERATOR';
  if (parent.kind === 'OPERATOR' && parent.operatingModel === 'FRANCHISE') return 'FRANCHISEE';
  if (parent.kind === 'OPERATOR' && parent.operatingModel === 'HARDWARE_SALE') return 'CUSTOMER';
  return null;
}

/** The roles a login of an organisation of this kind may have. */
export function rolesFor(kind: OrganizationKind): readonly Role[] {
  switch (kind) {
    case 'PLATFORM':
      return ['PLATFORM_ADMIN'];
    case 'OPERATOR':
      return ['OPERATOR_ADMIN', 'OPERATOR_STAFF', 'TECHNICIAN'];
    case 'FRANCHISEE':
      return ['FRANCHISEE_ADMIN', 'TECHNICIAN'];
    case 'CUSTOMER':
      return ['CUSTOMER_ADMIN', 'TECHNICIAN'];
  }
}

/** The node with this id anywhere in the tree. */
export function findNode(nodes: readonly OrganizationNode[], id: string | undefined): OrganizationNode | undefined {
  if (!id) return undefined;
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
