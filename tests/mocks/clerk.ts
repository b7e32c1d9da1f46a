import { randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";

/**
 * Clerk's Backend API (https://api.clerk.com/v1) as msw handlers. Tests register the
 * Clerk users that exist; every request the code makes is recorded so a test can prove
 * how often Clerk was called. State is cleared after each test (tests/mocks/index.ts).
 */
export const CLERK_API_URL = "https://api.clerk.com/v1";

/** The JSON Clerk answers for GET /v1/users/:id (the fields our code and @clerk/backend read). */
export interface ClerkUserJSON {
  object: "user";
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  image_url: string;
  has_image: boolean;
  primary_email_address_id: string | null;
  primary_phone_number_id: string | null;
  primary_web3_wallet_id: string | null;
  password_enabled: boolean;
  two_factor_enabled: boolean;
  totp_enabled: boolean;
  backup_code_enabled: boolean;
  email_addresses: ClerkEmailAddressJSON[];
  phone_numbers: [];
  web3_wallets: [];
  passkeys: [];
  external_accounts: [];
  saml_accounts: [];
  enterprise_accounts: [];
  public_metadata: Record<string, unknown>;
  private_metadata: Record<string, unknown>;
  unsafe_metadata: Record<string, unknown>;
  external_id: string | null;
  banned: boolean;
  locked: boolean;
  lockout_expires_in_seconds: number | null;
  verification_attempts_remaining: number;
  last_sign_in_at: number | null;
  last_active_at: number | null;
  created_at: number;
  updated_at: number;
  delete_self_enabled: boolean;
  create_organization_enabled: boolean;
  legal_accepted_at: number | null;
  locale: string | null;
}

export interface ClerkEmailAddressJSON {
  id: string;
  object: "email_address";
  email_address: string;
  reserved: boolean;
  verification: {
    status: "verified" | "unverified" | "expired";
    strategy: string;
    attempts: number | null;
    expire_at: number | null;
  } | null;
  linked_to: Array<{ type: string; id: string }>;
  matches_sso_connection: boolean;
  created_at: number;
  updated_at: number;
}

export interface ClerkUserSeed {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  /** The primary email address. */
  email: string;
  /** Whether Clerk has verified the primary email (default true). */
  verified?: boolean;
  /** Further (verified) addresses that are not primary. */
  otherEmails?: string[];
}

export interface RecordedClerkRequest {
  method: string;
  path: string;
  authorization: string | null;
}

const users = new Map<string, ClerkUserJSON>();
/** Every request the code under test sent to Clerk's Backend API, in order. */
export const clerkRequests: RecordedClerkRequest[] = [];

const clerkId = (prefix: string) => `${prefix}_${randomBytes(14).toString("base64url")}`;

function emailJSON(address: string, verified: boolean, now: number): ClerkEmailAddressJSON {
  return {
    id: clerkId("idn"),
    object: "email_address",
    email_address: address,
    reserved: false,
    verification: verified
      ? { status: "verified", strategy: "email_code", attempts: 1, expire_at: now + 600_000 }
      : { status: "unverified", strategy: "email_code", attempts: null, expire_at: null },
    linked_to: [],
    matches_sso_connection: false,
    created_at: now,
    updated_at: now,
  };
}

/** Makes a Clerk user exist (as far as the mocked API knows) and returns its JSON. */
export function registerClerkUser(seed: ClerkUserSeed): ClerkUserJSON {
  const now = Date.now();
  const primary = emailJSON(seed.email, seed.verified ?? true, now);
  const user: ClerkUserJSON = {
    object: "user",
    id: seed.id ?? clerkId("user"),
    first_name: seed.firstName === undefined ? "Test" : seed.firstName,
    last_name: seed.lastName === undefined ? "Person" : seed.lastName,
    username: null,
    image_url: "https://img.clerk.com/placeholder.png",
    has_image: false,
    primary_email_address_id: primary.id,
    primary_phone_number_id: null,
    primary_web3_wallet_id: null,
    password_enabled: true,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    email_addresses: [...(seed.otherEmails ?? []).map((e) => emailJSON(e, true, now)), primary],
    phone_numbers: [],
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    saml_accounts: [],
    enterprise_accounts: [],
    public_metadata: {},
    private_metadata: {},
    unsafe_metadata: {},
    external_id: null,
    banned: false,
    locked: false,
    lockout_expires_in_seconds: null,
    verification_attempts_remaining: 100,
    last_sign_in_at: now,
    last_active_at: now,
    created_at: now,
    updated_at: now,
    delete_self_enabled: true,
    create_organization_enabled: true,
    legal_accepted_at: null,
    locale: null,
  };
  users.set(user.id, user);
  return user;
}

/** Requests to GET /v1/users/:id, optionally for one user. */
export function clerkUserFetches(userId?: string): RecordedClerkRequest[] {
  return clerkRequests.filter((r) => r.method === "GET" && (userId ? r.path === `/v1/users/${userId}` : r.path.startsWith("/v1/users/")));
}

export function resetClerkMock(): void {
  users.clear();
  clerkRequests.length = 0;
}

function record(request: Request) {
  clerkRequests.push({ method: request.method, path: new URL(request.url).pathname, authorization: request.headers.get("authorization") });
}

const clerkError = (status: number, code: string, message: string) =>
  HttpResponse.json({ errors: [{ code, message, long_message: message, meta: {} }], clerk_trace_id: clerkId("trace") }, { status });

export const clerkHandlers = [
  http.get(`${CLERK_API_URL}/users/:userId`, ({ request, params }) => {
    record(request);
    if (!request.headers.get("authorization")?.startsWith("Bearer sk_"))
      return clerkError(401, "authentication_invalid", "Unauthorized request");
    const user = users.get(String(params.userId));
    return user ? HttpResponse.json(user) : clerkError(404, "resource_not_found", "not found");
  }),
];
