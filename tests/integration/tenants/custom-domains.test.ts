import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { withGlobal, withTenant } from "../../../server/db/db.server";
import { installDns } from "../../../server/integrations/dns";
import { createLocalDns } from "../../../server/integrations/dns/local";
import { verificationRecord } from "../../../server/tenants/domains.server";
import { resolveTenantForHost } from "../../../server/tenants/resolve-tenant.server";
import { callerFor, createMember, createTestTenant, uid } from "../../helpers/factories";

afterEach(() => installDns(undefined));

describe("custom domains", () => {
  it("an owner connects a domain: pending until its TXT record proves ownership, then it serves the site", async () => {
    const t = await createTestTenant();
    const localDns = createLocalDns();
    installDns(localDns);
    const owner = callerFor(t.owner, t.id);
    const hostname = `${uid("www")}.example.com`;
    const { id } = await owner.domains.add({ hostname: `HTTPS://${hostname}/` });
    const [listed] = await owner.domains.list();
    expect(listed).toMatchObject({
      id,
      hostname,
      verifiedAt: null,
      verification: { name: `_servicepro.${hostname}`, value: `servicepro-verify=${id}` },
    });

    expect(await owner.domains.verify({ domainId: id })).toEqual({ verified: false });
    expect((await resolveTenantForHost(hostname)).tenant).toBeNull();

    localDns.set(`_servicepro.${hostname}`, ["some-other=record", "servicepro-verify=not-this-one"]);
    expect(await owner.domains.verify({ domainId: id })).toEqual({ verified: false });

    localDns.set(`_servicepro.${hostname}`, ["v=spf1 -all", `servicepro-verify=${id}`]);
    expect(await owner.domains.verify({ domainId: id })).toEqual({ verified: true });
    expect((await resolveTenantForHost(hostname)).tenant).toMatchObject({ id: t.id });
    const audit = await withTenant(t.id, (db) => db.auditEntry.findMany({ where: { targetId: id }, select: { action: true } }));
    expect(audit.map((a) => a.action).sort()).toEqual(["domain.added", "domain.verified"]);

    await owner.domains.remove({ domainId: id });
    expect(await owner.domains.list()).toEqual([]);
    expect((await resolveTenantForHost(hostname)).tenant).toBeNull();
  });

  it("staff can see the domains but not change them; another tenant cannot verify or remove them", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    installDns(createLocalDns());
    const { user: staff } = await createMember(t.id, "STAFF");
    const { id } = await callerFor(t.owner, t.id).domains.add({ hostname: `${uid("shop")}.example.org` });
    expect(await callerFor(staff, t.id).domains.list()).toHaveLength(1);
    await expect(callerFor(staff, t.id).domains.add({ hostname: `${uid("x")}.example.org` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(other.owner, other.id).domains.verify({ domainId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(other.owner, other.id).domains.remove({ domainId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerFor(t.owner, t.id).domains.list()).toHaveLength(1);
  });

  it("an unverified claim does not block another tenant: the first to verify owns it and the other pending claims go", async () => {
    const squatter = await createTestTenant();
    const owner = await createTestTenant();
    const localDns = createLocalDns();
    installDns(localDns);
    const hostname = `${uid("www")}.example.net`;
    const squatted = await callerFor(squatter.owner, squatter.id).domains.add({ hostname });

    const claimed = await callerFor(owner.owner, owner.id).domains.add({ hostname });
    expect(claimed.id).not.toBe(squatted.id);
    localDns.set(`_servicepro.${hostname}`, [verificationRecord(claimed).value]);
    expect(await callerFor(owner.owner, owner.id).domains.verify({ domainId: claimed.id })).toEqual({ verified: true });

    expect((await resolveTenantForHost(hostname)).tenant).toMatchObject({ id: owner.id });
    expect(await callerFor(squatter.owner, squatter.id).domains.list()).toEqual([]);
    await expect(callerFor(squatter.owner, squatter.id).domains.verify({ domainId: squatted.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await withGlobal((g) => g.domain.findMany({ where: { hostname }, select: { tenantId: true } }))).toEqual([
      { tenantId: owner.id },
    ]);
  });

  it("a verified domain is 'already connected' for everyone else, and the refusal says nothing about who holds it", async () => {
    const holder = await createTestTenant();
    const other = await createTestTenant();
    const localDns = createLocalDns();
    installDns(localDns);
    const hostname = `${uid("shop")}.example.net`;
    const held = await callerFor(holder.owner, holder.id).domains.add({ hostname });
    localDns.set(`_servicepro.${hostname}`, [verificationRecord(held).value]);
    expect(await callerFor(holder.owner, holder.id).domains.verify({ domainId: held.id })).toEqual({ verified: true });

    const refusal: unknown = await callerFor(other.owner, other.id)
      .domains.add({ hostname: `https://${hostname.toUpperCase()}/` })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toMatchObject({ code: "CONFLICT", message: "errors:domains.taken", cause: { params: {} } });
    const told = JSON.stringify(refusal, Object.getOwnPropertyNames(refusal as object)) + String(refusal);
    for (const secret of [holder.id, holder.slug, holder.name, held.id]) expect(told).not.toContain(secret);
    expect(await callerFor(other.owner, other.id).domains.list()).toEqual([]);
    for (const locale of ["en", "es"]) {
      const errors = JSON.parse(readFileSync(`locales/${locale}/errors.json`, "utf8")) as { domains: { taken: string } };
      expect(errors.domains.taken).not.toMatch(/\{\{/);
    }
  });

  it("a claim that slipped in while another tenant verified is refused at its own verification", async () => {
    const first = await createTestTenant();
    const late = await createTestTenant();
    const localDns = createLocalDns();
    installDns(localDns);
    const hostname = `${uid("race")}.example.net`;
    const won = await callerFor(first.owner, first.id).domains.add({ hostname });
    localDns.set(`_servicepro.${hostname}`, [verificationRecord(won).value]);
    await callerFor(first.owner, first.id).domains.verify({ domainId: won.id });
    // As if its add had checked just before the other verification committed.
    const lateId = await withTenant(
      late.id,
      async (db) => (await db.domain.create({ data: { tenantId: late.id, hostname, kind: "CUSTOM" } })).id,
    );
    localDns.set(`_servicepro.${hostname}`, [verificationRecord({ id: lateId, hostname }).value]);

    await expect(callerFor(late.owner, late.id).domains.verify({ domainId: lateId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "errors:domains.taken",
    });
    expect((await resolveTenantForHost(hostname)).tenant).toMatchObject({ id: first.id });
    const audit = await withTenant(late.id, (db) => db.auditEntry.count({ where: { action: "domain.verified" } }));
    expect(audit).toBe(0);
  });

  it("the same tenant adding a hostname twice is told it already has it", async () => {
    const t = await createTestTenant();
    const hostname = `${uid("twice")}.example.net`;
    await callerFor(t.owner, t.id).domains.add({ hostname });
    await expect(callerFor(t.owner, t.id).domains.add({ hostname: hostname.toUpperCase() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "errors:domains.alreadyAdded",
    });
    expect(await callerFor(t.owner, t.id).domains.list()).toHaveLength(1);
  });
});
