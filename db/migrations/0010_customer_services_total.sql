-- customers.monthly_fee_cents stays the total of the customer's services: whenever a customer's
-- services are written, the total follows (imports and the seed write services after customers).
CREATE FUNCTION customer_services_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers c
     SET monthly_fee_cents = coalesce(n.internet_fee_cents, 0) + coalesce(n.landline_fee_cents, 0)
       + coalesce(n.mobile_fee_cents, 0) + coalesce(n.tv_fee_cents, 0)
    FROM new_table n
   WHERE c.id = n.customer_id
     AND c.monthly_fee_cents IS DISTINCT FROM coalesce(n.internet_fee_cents, 0) + coalesce(n.landline_fee_cents, 0)
       + coalesce(n.mobile_fee_cents, 0) + coalesce(n.tv_fee_cents, 0);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER customer_services_total_insert AFTER INSERT ON customer_services REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION customer_services_total();
--> statement-breakpoint
CREATE TRIGGER customer_services_total_update AFTER UPDATE ON customer_services REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION customer_services_total();
--> statement-breakpoint
-- Outage credits are automatic compensation: "compensate all" used to book them to the manager who
-- clicked (who that was stays in the audit log's outage.compensate_all rows).
UPDATE compensations SET issued_by_id = NULL WHERE kind = 'outage_credit' AND outage_id IS NOT NULL AND issued_by_id IS NOT NULL;
