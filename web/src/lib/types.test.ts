import { describe, expect, it } from 'vitest';
import { canArchiveCustomers, canCreateCustomers, canEditCustomer } from './types';

describe('role gates', () => {
  it('follows the permission matrix', () => {
    expect(['admin', 'manager', 'sales', 'agent', 'analyst', 'customer'].filter((r) => canCreateCustomers(r as never))).toEqual(['admin', 'manager', 'sales']);
    expect(canArchiveCustomers('sales')).toBe(false);
    expect(canEditCustomer({ id: 3, role: 'sales' }, { owner_id: '3' })).toBe(true);
    expect(canEditCustomer({ id: 3, role: 'sales' }, { owner_id: 4 })).toBe(false);
    expect(canEditCustomer({ id: 3, role: 'sales' }, { owner_id: null })).toBe(false);
    expect(canEditCustomer({ id: 1, role: 'manager' }, { owner_id: null })).toBe(true);
    expect(canEditCustomer({ id: 1, role: 'agent' }, { owner_id: 1 })).toBe(false);
  });
});
