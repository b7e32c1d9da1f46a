import { openDatabase } from "../../server/db/database.server";
import { migrate } from "../../server/db/migrate.server";
import { useDatabase, withGlobal, withTenant } from "../../server/db/db.server";
const kind = process.argv[2] ?? "pglite";
const t0 = Date.now();
const db = kind === "pglite" ? await openDatabase({ kind: "pglite" }) : await openDatabase({ kind: "postgres", url: process.argv[3]! });
console.log("open", Date.now() - t0);
console.log(await migrate(db, { log: console.log }), Date.now() - t0);
useDatabase(db);
const a = await withGlobal((g) => g.tenant.create({ data: { slug: "a" + Date.now(), name: "A", industryPackKey: "x", timeZone: "UTC", defaultLocale: "en" } }));
const b = await withGlobal((g) => g.tenant.create({ data: { slug: "b" + Date.now(), name: "B", industryPackKey: "x", timeZone: "UTC", defaultLocale: "en" } }));
await withTenant(a.id, (t) => t.service.create({ data: { tenantId: t.tenantId, name: { en: "Wash" }, description: {}, durationMinutes: 60, priceCents: 5000 } }));
console.log("A sees", await withTenant(a.id, (t) => t.service.count()), "B sees", await withTenant(b.id, (t) => t.service.count()));
try { await withTenant(b.id, (t) => t.service.create({ data: { tenantId: a.id, name: {}, description: {}, durationMinutes: 1, priceCents: 1 } })); console.log("BAD insert allowed"); } catch (e) { console.log("insert cross blocked:", (e as Error).message.split("\n").slice(-1)[0]); }
try { await db.prisma.service.count(); console.log("BAD: outside door allowed"); } catch (e) { console.log("outside door:", (e as Error).message.split("\n").slice(-1)[0]); }
console.log("tenant sees tenants", await withTenant(a.id, (t) => t.tenant.count()));
console.log("total", Date.now() - t0);
await db.close();
