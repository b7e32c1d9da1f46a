import { afterEach, describe, expect, it } from "vitest";
import { withTenant } from "../../../server/db/db.server";
import { installDns } from "../../../server/integrations/dns";
import { createLocalDns } from "../../../server/integrations/dns/local";
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
});
