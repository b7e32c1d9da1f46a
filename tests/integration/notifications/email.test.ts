import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeConfig } from "../../../server/config/config-service.server";
import { withTenant } from "../../../server/db/db.server";
import { putIntegrationSecret } from "../../../server/integrations/secrets.server";
import { EmailDeliveryError, sendTenantEmail } from "../../../server/notifications/send-email.server";
import { renderLayout } from "../../../server/notifications/templates.server";
import { createTestTenant } from "../../helpers/factories";

/** A real SMTP server on loopback: the SMTP adapter is tested over the wire, not mocked. */
const received: Array<{ from: string; to: string[]; raw: string; user?: string }> = [];
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === "mailer" && auth.password === "smtp-pass-123") cb(null, { user: auth.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          user: String(session.user ?? ""),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const email = (to: string) => ({
  to,
  kind: "owner.newMessage",
  ...renderLayout({
    locale: "en",
    businessName: "Shine <Co>",
    subject: "Hello",
    heading: "Hi",
    lines: ['Ana wrote: "<script>alert(1)</script>"'],
  }),
});

describe("tenant email", () => {
  it("with no SMTP anywhere, keeps the message in the dev mailbox (STORED, nothing delivered)", async () => {
    const t = await createTestTenant();
    const sent = await sendTenantEmail(t.id, email("ana@example.com"));
    expect(sent).toMatchObject({ status: "STORED", provider: "local" });
    const row = await withTenant(t.id, (db) => db.emailMessage.findUniqueOrThrow({ where: { id: sent.id } }));
    expect(row).toMatchObject({ toAddress: "ana@example.com", kind: "owner.newMessage", status: "STORED" });
    expect(row.html).toContain("&lt;script&gt;");
    expect(row.html).not.toContain("<script>");
  });

  it("delivers through the tenant's own SMTP server, authenticating with the encrypted password", async () => {
    const t = await createTestTenant();
    await withTenant(t.id, async (db) => {
      await writeConfig(
        db,
        "EMAIL",
        { smtp: { host: "127.0.0.1", port, secure: false, user: "mailer", hasPassword: true }, fromName: "Shine Co" },
        t.owner.id,
      );
      await putIntegrationSecret(db, "smtp", "smtp-pass-123");
    });
    const before = received.length;
    const sent = await sendTenantEmail(t.id, email("bob@example.com"));
    expect(sent).toMatchObject({ status: "SENT", provider: "smtp" });
    expect(received.length).toBe(before + 1);
    const got = received.at(-1)!;
    expect(got.to).toEqual(["bob@example.com"]);
    expect(got.user).toBe("mailer");
    expect(got.raw).toContain("Subject: Hello");
    expect(got.raw).toMatch(/From: "?Shine Co"? <no-reply@/);
  });

  it("records a failed delivery (wrong password) and throws so a durable caller retries", async () => {
    const t = await createTestTenant();
    await withTenant(t.id, async (db) => {
      await writeConfig(db, "EMAIL", { smtp: { host: "127.0.0.1", port, secure: false, user: "mailer", hasPassword: true } }, t.owner.id);
      await putIntegrationSecret(db, "smtp", "wrong");
    });
    await expect(sendTenantEmail(t.id, email("cy@example.com"))).rejects.toBeInstanceOf(EmailDeliveryError);
    const rows = await withTenant(t.id, (db) => db.emailMessage.findMany({ where: { toAddress: "cy@example.com" } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "FAILED", provider: "smtp" });
    expect(rows[0].error).toMatch(/invalid|auth/i);
  });
});

describe("email procedures", () => {
  it("an owner saves SMTP settings (password kept encrypted, never returned), sends a test, and reads the sent list", async () => {
    const { callerFor, createMember } = await import("../../helpers/factories");
    const t = await createTestTenant();
    const owner = callerFor(t.owner, t.id);
    await owner.email.setSmtp({ host: "127.0.0.1", port, secure: false, user: "mailer", password: "smtp-pass-123" });
    const node = await owner.config.EMAIL.get();
    expect(node.smtp).toEqual({ host: "127.0.0.1", port, secure: false, user: "mailer", hasPassword: true });
    expect(JSON.stringify(node)).not.toContain("smtp-pass-123");
    // Saving again without a password keeps the stored one.
    await owner.email.setSmtp({ host: "127.0.0.1", port, secure: false, user: "mailer" });
    expect(await owner.email.sendTest()).toMatchObject({ status: "SENT" });
    const { emails } = await owner.email.sent({ limit: 10 });
    expect(emails[0]).toMatchObject({ kind: "test", status: "SENT", toAddress: t.owner.email });

    const { user: manager } = await createMember(t.id, "MANAGER");
    await expect(callerFor(manager, t.id).email.sent({ limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(owner.email.setSmtp({ host: "bad host!", port: 0, secure: false, user: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await owner.email.clearSmtp();
    expect((await owner.config.EMAIL.get()).smtp).toBeNull();
  });
});
