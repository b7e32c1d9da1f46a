-- Public-page caches (server/site/public-cache.server.ts) in every instance hear at once when
-- what a public page shows changes: a tenant row, its domains or its services. The payload
-- "<tenant id>:*" on the config channel means "evict everything of this tenant"; config
-- writes already announce "<tenant id>:<node>" from code. Notifications are delivered at
-- commit (never on rollback), and identical ones in one transaction are sent once.
CREATE FUNCTION servicepro_notify_tenant_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed_tenant text;
BEGIN
  IF TG_TABLE_NAME = 'tenants' THEN
    changed_tenant := COALESCE(NEW.id, OLD.id)::text;
  ELSE
    changed_tenant := COALESCE(NEW.tenant_id, OLD.tenant_id)::text;
  END IF;
  PERFORM pg_notify('servicepro_config', changed_tenant || ':*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER tenants_notify_changed AFTER INSERT OR UPDATE OR DELETE ON tenants
  FOR EACH ROW EXECUTE FUNCTION servicepro_notify_tenant_changed();
CREATE TRIGGER domains_notify_changed AFTER INSERT OR UPDATE OR DELETE ON domains
  FOR EACH ROW EXECUTE FUNCTION servicepro_notify_tenant_changed();
CREATE TRIGGER services_notify_changed AFTER INSERT OR UPDATE OR DELETE ON services
  FOR EACH ROW EXECUTE FUNCTION servicepro_notify_tenant_changed();
