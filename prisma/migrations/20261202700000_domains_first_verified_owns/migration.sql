-- Custom domains cannot be squatted. A claim (an unverified row) no longer holds the
-- hostname for everyone: several tenants may claim it, the first whose TXT record proves
-- control owns it (at most one verified row per hostname), and that verification removes
-- the other tenants' pending claims. A tenant claims a hostname once.
DROP INDEX "domains_hostname_key";
CREATE UNIQUE INDEX "domains_tenant_id_hostname_key" ON "domains"("tenant_id", "hostname");
CREATE UNIQUE INDEX "domains_verified_hostname_key" ON "domains"("hostname") WHERE "verified_at" IS NOT NULL;

-- The platform may delete pending claims only, never a verified domain.
CREATE POLICY global_release ON "domains" FOR DELETE TO app_global USING ("verified_at" IS NULL);
GRANT DELETE ON "domains" TO app_global;
