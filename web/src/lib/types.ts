// Shapes of the ChainCRM API's JSON (see the API contract).
import type { Money } from './i18n';
import type { CustomerScores } from './analytics';

export type Role = 'admin' | 'manager' | 'sales' | 'agent' | 'analyst' | 'customer';

export interface User {
  id: number | string;
  email: string;
  name: string;
  role: Role;
  customer_id: number | string | null;
}

export interface SessionResponse {
  token: string;
  expires_at: string;
  user: User;
}

export interface Email {
  address: string;
  label?: string | null;
  primary?: boolean;
}
export interface Phone {
  number: string;
  label?: string | null;
  normalized?: string;
}
export interface Address {
  label?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postal_code?: string | null;
  country?: string | null;
}
export interface ExternalId {
  system: string;
  value: string;
}
export interface Serial {
  serial: string;
  product?: string | null;
}

export interface Stats {
  first_purchase_at: string | null;
  last_purchase_at: string | null;
  purchase_count: number;
  revenue_total: Money | null;
  cost_total: Money | null;
}

export interface Customer {
  id: number | string;
  kind: 'person' | 'organization';
  name: string;
  status: 'active' | 'archived';
  roles: string[];
  parent_id: number | string | null;
  owner_id: number | string | null;
  sector: string | null;
  employees: number | null;
  annual_revenue: Money | null;
  tax_id: string | null;
  notes?: string | null;
  birth_date?: string | null;
  gender?: string | null;
  income_band?: string | null;
  measurements?: Record<string, number | string | null> | null;
  emails: Email[];
  phones: Phone[];
  addresses: Address[];
  external_ids: ExternalId[];
  serials: Serial[];
  tags: string[];
  custom: Record<string, unknown>;
  stats?: Stats | null;
  /** Not sent by the list API today; used when present. */
  scores?: CustomerScores | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  total?: number;
}

export interface Contact {
  id: number | string;
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface Interaction {
  id: number | string;
  type: string;
  direction?: string | null;
  channel?: string | null;
  occurred_at: string;
  subject?: string | null;
  body?: string | null;
}

export interface Purchase {
  id: number | string;
  occurred_at: string;
  sku?: string | null;
  product?: string | null;
  quantity?: number | null;
  revenue?: Money | null;
  cost?: Money | null;
  order_ref?: string | null;
}

export interface Customer360 {
  customer: Customer;
  contacts: Contact[];
  interactions: Interaction[];
  purchases: Purchase[];
  stats: Stats | null;
  scores: CustomerScores | null;
  cases: unknown[];
  orders: unknown[];
}

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string | number | null | Record<string, unknown>;
  entity: string;
  entity_id: string | number;
  op: string;
  changes: Change[];
}

export interface LookupHit {
  id: number | string;
  name: string;
  kind: string;
  status: string;
  matched_by: 'phone' | 'email' | 'external_id' | 'serial' | 'name' | string;
  matched_value: string;
}

export interface CustomFieldDef {
  id: number | string;
  entity: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'enum';
  required: boolean;
  allowed_values: string[] | null;
}

export const CUSTOMER_ROLES = ['end_customer', 'business_buyer', 'supplier', 'distributor', 'wholesaler', 'retailer'] as const;

export const STAFF_ROLES: Role[] = ['admin', 'manager', 'sales', 'agent', 'analyst'];

// What the UI offers per role; the server enforces the real permission matrix and the
// app shows its 403 detail if the two ever disagree.

/** May create customers: admin, manager, sales. */
export function canCreateCustomers(role: Role): boolean {
  return role === 'admin' || role === 'manager' || role === 'sales';
}

/** May edit this customer: admin and manager any; sales the customers it owns. */
export function canEditCustomer(user: Pick<User, 'id' | 'role'>, c: Pick<Customer, 'owner_id'>): boolean {
  if (user.role === 'admin' || user.role === 'manager') return true;
  return user.role === 'sales' && c.owner_id !== null && c.owner_id !== undefined && String(c.owner_id) === String(user.id);
}

/** May archive and restore customers: admin, manager. */
export function canArchiveCustomers(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}
