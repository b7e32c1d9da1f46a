import { describe, expect, test } from "vitest";
import { CLEANMACHINE_DEMO } from "../../server/packs/demo/cleanmachine";
import { checkA11y, newPage, normalizeSpace, open, tr, signIn, uniqueSuffix, sharedBrowser, waitForHydration } from "./support/app";

/**
 * The demo owner invites a new Staff member; in another browser (Spanish), that person signs
 * up through the invitation link, joins CleanMachine as Staff, and both sides see it.
 */
const DEMO = CLEANMACHINE_DEMO;

const browser = sharedBrowser();

describe("team", () => {
  test("the owner invites a Staff member who signs up through the link and joins", async () => {
    const staff = { name: `Sofía Invitada ${uniqueSuffix()}`, email: `staff-${uniqueSuffix()}@e2e.test`, password: "e2e-password-456" };

    // -- The owner creates the invitation ------------------------------------------------------
    const owner = await newPage(browser(), { locale: "en", viewport: "desktop", label: "owner" });
    await signIn(owner, DEMO.owner.email, DEMO.owner.password);
    await open(owner, "/dashboard/team");
    await owner.getByRole("heading", { name: tr("en", "team:title"), exact: true, level: 1 }).waitFor();
    await owner.getByLabel(tr("en", "team:invite.email")).fill(staff.email);
    const role = owner.getByLabel(tr("en", "team:invite.role"), { exact: true });
    expect(await role.inputValue(), "Staff is the suggested role").toBe("STAFF");
    await owner.getByRole("button", { name: tr("en", "team:invite.submit"), exact: true }).click();
    const inviteField = owner.getByTestId("invite-url");
    await inviteField.waitFor({ state: "visible" });
    const inviteUrl = await inviteField.inputValue();
    const origin = new URL(owner.url()).origin;
    expect(inviteUrl).toMatch(new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/invite/[\\w-]+$`));
    expect(normalizeSpace(await owner.getByRole("main").textContent())).toContain(tr("en", "team:invite.created", { email: staff.email }));
    await checkA11y(owner, "en: team page with invitation link");

    // -- The new teammate, in a Spanish browser(), signs up through the link --------------------------
    const member = await newPage(browser(), { locale: "es", viewport: "desktop", label: "staff" });
    await open(member, inviteUrl);
    await member.getByRole("heading", { name: tr("es", "auth:invite.title"), exact: true, level: 1 }).waitFor();
    const invitationText = tr("es", "auth:invite.body", { business: DEMO.name, email: staff.email, role: tr("es", "common:roles.STAFF") });
    expect(normalizeSpace(await member.getByRole("main").textContent())).toContain(invitationText);
    await checkA11y(member, "es: invitation (signed out)");

    await Promise.all([
      member.waitForURL((u) => u.pathname === "/sign-up"),
      member
        .getByRole("main")
        .getByRole("link", { name: tr("es", "common:signUp"), exact: true })
        .click(),
    ]);
    await member.getByRole("heading", { name: tr("es", "auth:signUpTitle"), exact: true, level: 1 }).waitFor();
    await member.locator('main input[name="name"]').fill(staff.name);
    await member.locator('main input[name="email"]').fill(staff.email);
    await member.locator('main input[name="password"]').fill(staff.password);
    const invitePath = new URL(inviteUrl).pathname;
    await Promise.all([member.waitForURL((u) => u.pathname === invitePath), member.locator('main button[type="submit"]').click()]);

    const accept = member.getByRole("button", { name: tr("es", "auth:invite.accept", { business: DEMO.name }), exact: true });
    await accept.waitFor({ state: "visible" });
    await Promise.all([member.waitForURL((u) => u.pathname === "/dashboard"), accept.click()]);
    await waitForHydration(member);

    // -- They are in CleanMachine's dashboard, as Staff ----------------------------------------------
    await member
      .getByRole("heading", { name: tr("es", "dashboard:home.greeting", { name: staff.name.split(" ")[0] }), exact: true, level: 1 })
      .waitFor();
    expect(normalizeSpace(await member.getByRole("main").textContent())).toContain(
      tr("es", "dashboard:home.subtitle", { business: DEMO.name }),
    );
    const switcher = member.getByRole("button", { name: tr("es", "dashboard:nav.switchBusiness") }).filter({ visible: true });
    const switcherText = normalizeSpace(await switcher.textContent());
    expect(switcherText).toContain(DEMO.name);
    expect(switcherText, "the member's role in this business").toContain(tr("es", "common:roles.STAFF"));

    await open(member, "/dashboard/team");
    const me = member.getByRole("main").locator("li").filter({ hasText: staff.email });
    expect(await me.count(), "the new member is on the team page").toBe(1);
    expect(normalizeSpace(await me.textContent())).toContain(tr("es", "common:roles.STAFF"));
    expect(normalizeSpace(await me.textContent())).toContain(`(${tr("es", "team:you")})`);
    // Staff may not invite anyone.
    expect(normalizeSpace(await member.getByRole("main").textContent())).toContain(tr("es", "team:invite.cannot"));
    await checkA11y(member, "es: team page (staff)");

    // -- The owner sees them as Staff, and the invitation as used ----------------------------------
    await owner.reload();
    await waitForHydration(owner);
    const roleOfMember = owner.getByLabel(tr("en", "team:changeRole", { name: staff.name }), { exact: true });
    expect(await roleOfMember.inputValue(), "the owner's team page lists the member as Staff").toBe("STAFF");
    expect(
      await owner.getByRole("main").getByText(staff.email, { exact: true }).count(),
      "listed once: as a member, no longer as a pending invitation",
    ).toBe(1);
  });
});
