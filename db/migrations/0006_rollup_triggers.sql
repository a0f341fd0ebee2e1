-- Rollups kept in the writing transaction: statement-level triggers with transition tables turn
-- each INSERT/UPDATE/DELETE statement into one aggregated upsert per rollup table. Each rollup's
-- rows are written ONCE, by the *_upsert_sql() functions below, used by the triggers and by
-- rollups_rebuild() alike. A source query yields `sign` (+1 new row, -1 old row), `rollup_region`
-- (the customer's region the row counts in) and the base table's columns.
INSERT INTO "rollup_state" ("id", "tz", "dispute_sla_hours") VALUES (1, '', 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION rollup_grains(d date) RETURNS TABLE (grain text, day date)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'd', d UNION ALL SELECT 'm', date_trunc('month', d::timestamp)::date
$$;
--> statement-breakpoint
CREATE FUNCTION rollup_customer_rows(
  p_activated_at timestamptz, p_churned_at timestamptz, p_fee bigint, p_category text, p_competitor text, p_tz text
) RETURNS TABLE (day date, churn_category text, competitor text, joined int, joined_fees bigint, churned int, churned_fees bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (p_activated_at AT TIME ZONE p_tz)::date, '', '', 1, p_fee, 0, 0::bigint
  UNION ALL
  SELECT (p_churned_at AT TIME ZONE p_tz)::date, coalesce(p_category, ''),
    CASE WHEN nullif(trim(p_competitor), '') IS NULL THEN '' ELSE p_competitor END, 0, 0::bigint, 1, p_fee
  WHERE p_churned_at IS NOT NULL
$$;
--> statement-breakpoint
-- "Closed in the period": outcome saved or churned, on closed_at's day (server/metrics/rules/retention.ts).
CREATE FUNCTION rollup_retention_rows(
  p_opened_at timestamptz, p_closed_at timestamptz, p_outcome text, p_offer_type text, p_reason text,
  p_kept_mrr bigint, p_offer_cost bigint, p_tz text
) RETURNS TABLE (day date, event text, offer_type text, reason text, outcome text, cases int, kept_mrr bigint, offer_cost bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (p_opened_at AT TIME ZONE p_tz)::date, 'opened', '', '', '', 1, 0::bigint, 0::bigint
  UNION ALL
  SELECT (p_closed_at AT TIME ZONE p_tz)::date, 'closed', p_offer_type, p_reason, p_outcome, 1, p_kept_mrr, p_offer_cost
  WHERE p_outcome IN ('saved', 'churned') AND p_closed_at IS NOT NULL
$$;
--> statement-breakpoint
-- "Resolved in the period" is closed_status on resolved_at's day; "backlog" counts every resolved_at;
-- "within SLA" is resolved_at <= opened_at + the SLA (server/metrics/rules/disputes.ts).
CREATE FUNCTION rollup_dispute_rows(
  p_opened_at timestamptz, p_resolved_at timestamptz, p_status text, p_cause text, p_bill_number int, p_undue boolean,
  p_disputed bigint, p_credited bigint, p_sla_hours int, p_tz text
) RETURNS TABLE (day date, event text, cause text, first_bill boolean, closed_status boolean, undue boolean,
  in_sla boolean, disputes int, disputed bigint, credited bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (p_opened_at AT TIME ZONE p_tz)::date, 'opened', p_cause, coalesce(p_bill_number = 1, false), false, false, false,
    1, p_disputed, 0::bigint
  UNION ALL
  SELECT (p_resolved_at AT TIME ZONE p_tz)::date, 'resolved', '', false, p_status IN ('resolved', 'rejected'),
    coalesce(p_undue, false), p_resolved_at <= p_opened_at + make_interval(hours => p_sla_hours), 1, 0::bigint, p_credited
  WHERE p_resolved_at IS NOT NULL
$$;
--> statement-breakpoint
-- $1 is the time zone in every statement below, $2 the dispute SLA in hours.
CREATE FUNCTION rollup_customers_upsert_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO rollup_customers AS t (grain, day, region_code, churn_category, competitor, joined, joined_fees_cents, churned, churned_fees_cents)
    SELECT g.grain, g.day, s.rollup_region, x.churn_category, x.competitor,
      sum(s.sign * x.joined), sum(s.sign * x.joined_fees), sum(s.sign * x.churned), sum(s.sign * x.churned_fees)
    FROM (%s) s
    CROSS JOIN LATERAL rollup_customer_rows(s.activated_at, s.churned_at, s.monthly_fee_cents, s.churn_category, s.competitor, $1) x
    CROSS JOIN LATERAL rollup_grains(x.day) g
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s.sign * x.joined) <> 0 OR sum(s.sign * x.joined_fees) <> 0 OR sum(s.sign * x.churned) <> 0 OR sum(s.sign * x.churned_fees) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, day, region_code, churn_category, competitor) DO UPDATE SET
      joined = t.joined + excluded.joined, joined_fees_cents = t.joined_fees_cents + excluded.joined_fees_cents,
      churned = t.churned + excluded.churned, churned_fees_cents = t.churned_fees_cents + excluded.churned_fees_cents
  $q$, src)
$f$;
--> statement-breakpoint
CREATE FUNCTION rollup_retention_upsert_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO rollup_retention AS t (grain, day, event, region_code, rep_id, offer_type, reason, outcome, cases, kept_mrr_cents, offer_cost_cents)
    SELECT g.grain, g.day, x.event, s.rollup_region, s.rep_id, x.offer_type, x.reason, x.outcome,
      sum(s.sign * x.cases), sum(s.sign * x.kept_mrr), sum(s.sign * x.offer_cost)
    FROM (%s) s
    CROSS JOIN LATERAL rollup_retention_rows(s.opened_at, s.closed_at, s.outcome, s.offer_type, s.reason,
      s.mrr_at_risk_cents - s.offer_monthly_discount_cents,
      CASE WHEN s.outcome IN ('saved', 'churned') AND s.closed_at IS NOT NULL
        THEN (SELECT coalesce(sum(p.amount_cents), 0)::bigint FROM compensations p WHERE p.retention_case_id = s.id) ELSE 0::bigint END,
      $1) x
    CROSS JOIN LATERAL rollup_grains(x.day) g
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(s.sign * x.cases) <> 0 OR sum(s.sign * x.kept_mrr) <> 0 OR sum(s.sign * x.offer_cost) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (grain, day, event, region_code, rep_id, offer_type, reason, outcome) DO UPDATE SET
      cases = t.cases + excluded.cases, kept_mrr_cents = t.kept_mrr_cents + excluded.kept_mrr_cents,
      offer_cost_cents = t.offer_cost_cents + excluded.offer_cost_cents
  $q$, src)
$f$;
--> statement-breakpoint
-- Compensation linked to a closed case adds to that case's offer cost, in the case's region and rep.
CREATE FUNCTION rollup_offer_cost_upsert_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO rollup_retention AS t (grain, day, event, region_code, rep_id, offer_type, reason, outcome, cases, kept_mrr_cents, offer_cost_cents)
    SELECT g.grain, g.day, x.event, c.region_code, r.rep_id, x.offer_type, x.reason, x.outcome, 0, 0, sum(x.offer_cost)
    FROM (%s) s
    JOIN retention_cases r ON r.id = s.retention_case_id
    JOIN customers c ON c.id = r.customer_id
    CROSS JOIN LATERAL rollup_retention_rows(r.opened_at, r.closed_at, r.outcome, r.offer_type, r.reason, 0,
      s.sign * s.amount_cents, $1) x
    CROSS JOIN LATERAL rollup_grains(x.day) g
    WHERE x.event = 'closed'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(x.offer_cost) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (grain, day, event, region_code, rep_id, offer_type, reason, outcome) DO UPDATE SET
      offer_cost_cents = t.offer_cost_cents + excluded.offer_cost_cents
  $q$, src)
$f$;
--> statement-breakpoint
CREATE FUNCTION rollup_disputes_upsert_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO rollup_disputes AS t (grain, day, event, region_code, rep_id, cause, first_bill, closed_status, undue, in_sla,
      disputes, disputed_cents, credited_cents)
    SELECT g.grain, g.day, x.event, s.rollup_region, coalesce(s.assigned_to_id, 0), x.cause, x.first_bill, x.closed_status,
      x.undue, x.in_sla, sum(s.sign * x.disputes), sum(s.sign * x.disputed), sum(s.sign * x.credited)
    FROM (%s) s
    CROSS JOIN LATERAL rollup_dispute_rows(s.opened_at, s.resolved_at, s.status, s.cause, s.bill_number, s.undue_charge,
      s.disputed_amount_cents, s.credited_amount_cents, $2, $1) x
    CROSS JOIN LATERAL rollup_grains(x.day) g
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(s.sign * x.disputes) <> 0 OR sum(s.sign * x.disputed) <> 0 OR sum(s.sign * x.credited) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (grain, day, event, region_code, rep_id, cause, first_bill, closed_status, undue, in_sla) DO UPDATE SET
      disputes = t.disputes + excluded.disputes, disputed_cents = t.disputed_cents + excluded.disputed_cents,
      credited_cents = t.credited_cents + excluded.credited_cents
  $q$, src)
$f$;
--> statement-breakpoint
CREATE FUNCTION rollup_compensations_upsert_sql(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
    INSERT INTO rollup_compensations AS t (grain, day, region_code, rep_id, kind, count, amount_cents)
    SELECT g.grain, g.day, s.rollup_region, coalesce(s.issued_by_id, 0), s.kind, sum(s.sign), sum(s.sign * s.amount_cents)
    FROM (%s) s
    CROSS JOIN LATERAL rollup_grains((s.issued_at AT TIME ZONE $1)::date) g
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(s.sign) <> 0 OR sum(s.sign * s.amount_cents) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (grain, day, region_code, rep_id, kind) DO UPDATE SET
      count = t.count + excluded.count, amount_cents = t.amount_cents + excluded.amount_cents
  $q$, src)
$f$;
--> statement-breakpoint
-- The rows of a statement's transition tables, signed; `extra` adds columns (the customer's region).
CREATE FUNCTION rollup_transition_sql(op text, extra text, join_clause text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE op
    WHEN 'INSERT' THEN format('SELECT 1 AS sign, %s, n.* FROM new_table n %s', extra, replace(join_clause, '$row', 'n'))
    WHEN 'DELETE' THEN format('SELECT -1 AS sign, %s, n.* FROM old_table n %s', extra, replace(join_clause, '$row', 'n'))
    ELSE format('SELECT 1 AS sign, %1$s, n.* FROM new_table n %2$s UNION ALL SELECT -1 AS sign, %1$s, n.* FROM old_table n %2$s',
      extra, replace(join_clause, '$row', 'n'))
  END
$f$;
--> statement-breakpoint
-- Writers share this lock; rollups_rebuild() takes it alone, so no write slips between its read and its swap.
CREATE FUNCTION rollup_lock_shared() RETURNS rollup_state LANGUAGE plpgsql AS $$
DECLARE st rollup_state;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7011011);
  SELECT * INTO st FROM rollup_state WHERE id = 1;
  RETURN st;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_customers_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st rollup_state := rollup_lock_shared();
BEGIN
  IF st.tz = '' THEN RETURN NULL; END IF;
  EXECUTE rollup_customers_upsert_sql(rollup_transition_sql(TG_OP, 'n.region_code AS rollup_region', '')) USING st.tz;
  IF TG_OP <> 'UPDATE' THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM new_table n JOIN old_table o ON o.id = n.id WHERE o.region_code <> n.region_code) THEN
    -- A customer who moved takes their cases, disputes and compensation to the new region.
    EXECUTE rollup_retention_upsert_sql($m$
      SELECT m.sign, m.region AS rollup_region, r.* FROM (
        SELECT n.id, v.sign, v.region FROM new_table n JOIN old_table o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (-1, o.region_code), (1, n.region_code)) v(sign, region)
        WHERE o.region_code <> n.region_code) m
      JOIN retention_cases r ON r.customer_id = m.id $m$) USING st.tz;
    EXECUTE rollup_disputes_upsert_sql($m$
      SELECT m.sign, m.region AS rollup_region, d.* FROM (
        SELECT n.id, v.sign, v.region FROM new_table n JOIN old_table o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (-1, o.region_code), (1, n.region_code)) v(sign, region)
        WHERE o.region_code <> n.region_code) m
      JOIN disputes d ON d.customer_id = m.id $m$) USING st.tz, st.dispute_sla_hours;
    EXECUTE rollup_compensations_upsert_sql($m$
      SELECT m.sign, m.region AS rollup_region, k.* FROM (
        SELECT n.id, v.sign, v.region FROM new_table n JOIN old_table o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (-1, o.region_code), (1, n.region_code)) v(sign, region)
        WHERE o.region_code <> n.region_code) m
      JOIN compensations k ON k.customer_id = m.id $m$) USING st.tz;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_retention_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st rollup_state := rollup_lock_shared();
BEGIN
  IF st.tz = '' THEN RETURN NULL; END IF;
  EXECUTE rollup_retention_upsert_sql(rollup_transition_sql(TG_OP, 'c.region_code AS rollup_region',
    'JOIN customers c ON c.id = $row.customer_id')) USING st.tz;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_disputes_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st rollup_state := rollup_lock_shared();
BEGIN
  IF st.tz = '' THEN RETURN NULL; END IF;
  EXECUTE rollup_disputes_upsert_sql(rollup_transition_sql(TG_OP, 'c.region_code AS rollup_region',
    'JOIN customers c ON c.id = $row.customer_id')) USING st.tz, st.dispute_sla_hours;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION rollup_compensations_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st rollup_state := rollup_lock_shared();
BEGIN
  IF st.tz = '' THEN RETURN NULL; END IF;
  EXECUTE rollup_compensations_upsert_sql(rollup_transition_sql(TG_OP, 'c.region_code AS rollup_region',
    'JOIN customers c ON c.id = $row.customer_id')) USING st.tz;
  EXECUTE rollup_offer_cost_upsert_sql(rollup_transition_sql(TG_OP, '0 AS rollup_region',
    'WHERE $row.retention_case_id IS NOT NULL')) USING st.tz;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER rollup_customers_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_customers_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_customers_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS old_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_customers_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_retention_insert AFTER INSERT ON retention_cases REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_retention_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_retention_update AFTER UPDATE ON retention_cases REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_retention_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_retention_delete AFTER DELETE ON retention_cases REFERENCING OLD TABLE AS old_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_retention_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_disputes_insert AFTER INSERT ON disputes REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_disputes_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_disputes_update AFTER UPDATE ON disputes REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_disputes_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_disputes_delete AFTER DELETE ON disputes REFERENCING OLD TABLE AS old_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_disputes_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_compensations_insert AFTER INSERT ON compensations REFERENCING NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_compensations_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_compensations_update AFTER UPDATE ON compensations REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_compensations_trigger();
--> statement-breakpoint
CREATE TRIGGER rollup_compensations_delete AFTER DELETE ON compensations REFERENCING OLD TABLE AS old_table
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_compensations_trigger();
--> statement-breakpoint
-- Everything from the base tables, for one time zone and SLA, in the caller's transaction.
CREATE FUNCTION rollups_rebuild(p_tz text, p_sla_hours int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7011011);
  UPDATE rollup_state SET tz = p_tz, dispute_sla_hours = p_sla_hours, built_at = now() WHERE id = 1;
  DELETE FROM rollup_customers;
  DELETE FROM rollup_retention;
  DELETE FROM rollup_disputes;
  DELETE FROM rollup_compensations;
  EXECUTE rollup_customers_upsert_sql('SELECT 1 AS sign, c.region_code AS rollup_region, c.* FROM customers c') USING p_tz;
  EXECUTE rollup_retention_upsert_sql(
    'SELECT 1 AS sign, c.region_code AS rollup_region, r.* FROM retention_cases r JOIN customers c ON c.id = r.customer_id') USING p_tz;
  EXECUTE rollup_disputes_upsert_sql(
    'SELECT 1 AS sign, c.region_code AS rollup_region, d.* FROM disputes d JOIN customers c ON c.id = d.customer_id') USING p_tz, p_sla_hours;
  EXECUTE rollup_compensations_upsert_sql(
    'SELECT 1 AS sign, c.region_code AS rollup_region, k.* FROM compensations k JOIN customers c ON c.id = k.customer_id') USING p_tz;
END $$;
