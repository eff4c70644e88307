// The baseline of the dashboard benchmark: the per rep figures of a period computed straight from
// the raw tables in one query, as a report writer would without the rollup — every source grouped
// by user over the period's instants, left-joined to the reps. It answers every measure the
// rollup keeps (kpi-rollup.queries.ts), by the same attribution rules, so the figures can be
// checked against the dashboard's: calls, meetings, tasks, leads and response time, closed deals
// with lead → won time, the period's stage entries and how many of them advanced, and sales.

/** What the naive query answers for one rep; names as in the rollup. */
export interface NaiveFigures {
  user_id: string;
  tasks_due: number;
  tasks_done_on_time: number;
  calls_outbound: number;
  calls_inbound: number;
  talk_seconds: number;
  meetings_held: number;
  leads_new: number;
  leads_qualified: number;
  leads_responded: number;
  response_ms: number;
  deals_won: number;
  won_amount_minor: number;
  deals_lost: number;
  won_from_lead: number;
  lead_to_won_ms: number;
  stage_entered: number;
  stage_advanced: number;
  revenue_minor: number;
}

const lo = '($3::date::timestamp AT TIME ZONE $5::text)';
const hi = '(($4::date + 1)::timestamp AT TIME ZONE $5::text)';

/**
 * The reps' figures over local days from…to (inclusive) of the organisation's zone. Parameters:
 * $1 organisation, $2 the reps' ids (uuid[]), $3 from, $4 to, $5 the organisation's time zone.
 */
export const NAIVE_SQL = `SELECT u.user_id,
      coalesce(t.tasks_due, 0)::bigint AS tasks_due, coalesce(t.tasks_done_on_time, 0)::bigint AS tasks_done_on_time,
      coalesce(a.calls_outbound, 0)::bigint AS calls_outbound, coalesce(a.calls_inbound, 0)::bigint AS calls_inbound,
      coalesce(a.talk_seconds, 0)::bigint AS talk_seconds, coalesce(a.meetings_held, 0)::bigint AS meetings_held,
      coalesce(ln.leads_new, 0)::bigint AS leads_new, coalesce(lq.leads_qualified, 0)::bigint AS leads_qualified,
      coalesce(lr.leads_responded, 0)::bigint AS leads_responded, coalesce(lr.response_ms, 0)::bigint AS response_ms,
      coalesce(d.deals_won, 0)::bigint AS deals_won, coalesce(d.won_amount_minor, 0)::bigint AS won_amount_minor,
      coalesce(d.deals_lost, 0)::bigint AS deals_lost, coalesce(d.won_from_lead, 0)::bigint AS won_from_lead,
      coalesce(d.lead_to_won_ms, 0)::bigint AS lead_to_won_ms,
      coalesce(sc.stage_entered, 0)::bigint AS stage_entered, coalesce(sc.stage_advanced, 0)::bigint AS stage_advanced,
      coalesce(s.revenue_minor, 0)::bigint AS revenue_minor
    FROM users u
    LEFT JOIN (
      SELECT assignee_id AS user_id, count(*) AS tasks_due,
        count(*) FILTER (WHERE status = 'done' AND completed_at <= due_at) AS tasks_done_on_time
      FROM tasks WHERE org_id = $1 AND status <> 'cancelled' AND due_at >= ${lo} AND due_at < ${hi}
      GROUP BY assignee_id
    ) t ON t.user_id = u.user_id
    LEFT JOIN (
      SELECT user_id,
        count(*) FILTER (WHERE kind = 'call' AND direction = 'outbound') AS calls_outbound,
        count(*) FILTER (WHERE kind = 'call' AND direction = 'inbound') AS calls_inbound,
        sum(duration_sec) FILTER (WHERE kind = 'call') AS talk_seconds,
        count(*) FILTER (WHERE kind = 'meeting') AS meetings_held
      FROM activities WHERE org_id = $1 AND status = 'done' AND kind IN ('call', 'meeting')
        AND occurred_at >= ${lo} AND occurred_at < ${hi}
      GROUP BY user_id
    ) a ON a.user_id = u.user_id
    LEFT JOIN (
      SELECT COALESCE(assignee_id, qualifier_id) AS user_id, count(*) AS leads_new
      FROM leads WHERE org_id = $1 AND arrived_at >= ${lo} AND arrived_at < ${hi}
      GROUP BY 1
    ) ln ON ln.user_id = u.user_id
    LEFT JOIN (
      SELECT qualifier_id AS user_id, count(*) AS leads_qualified
      FROM leads WHERE org_id = $1 AND handed_off_at >= ${lo} AND handed_off_at < ${hi}
      GROUP BY 1
    ) lq ON lq.user_id = u.user_id
    LEFT JOIN (
      SELECT COALESCE(assignee_id, qualifier_id) AS user_id, count(*) AS leads_responded, sum(response_ms) AS response_ms
      FROM leads WHERE org_id = $1 AND response_ms IS NOT NULL
        AND first_touch_at >= ${lo} AND first_touch_at < ${hi}
      GROUP BY 1
    ) lr ON lr.user_id = u.user_id
    LEFT JOIN (
      SELECT x.owner_id AS user_id, count(*) FILTER (WHERE x.status = 'won') AS deals_won,
        sum(x.amount_minor) FILTER (WHERE x.status = 'won') AS won_amount_minor,
        count(*) FILTER (WHERE x.status = 'lost') AS deals_lost,
        count(l.lead_id) FILTER (WHERE x.status = 'won') AS won_from_lead,
        sum(round(extract(epoch FROM x.closed_at) * 1000 - extract(epoch FROM l.arrived_at) * 1000))
          FILTER (WHERE x.status = 'won' AND l.lead_id IS NOT NULL) AS lead_to_won_ms
      FROM deals x LEFT JOIN leads l ON l.org_id = x.org_id AND l.lead_id = x.lead_id
      WHERE x.org_id = $1 AND x.status IN ('won', 'lost') AND x.closed_at >= ${lo} AND x.closed_at < ${hi}
      GROUP BY x.owner_id
    ) d ON d.user_id = u.user_id
    LEFT JOIN (
      -- Entries into an open stage in the period, for the deal's owner: a deal's first entry into a
      -- stage on a local day counts; it advanced if the deal later entered a further open stage of
      -- the same pipeline, or won.
      SELECT d.owner_id AS user_id, count(*) AS stage_entered, count(adv.one) AS stage_advanced
      FROM deal_stage_changes x
      JOIN stages s ON s.org_id = x.org_id AND s.stage_id = x.to_stage_id
      JOIN deals d ON d.org_id = x.org_id AND d.deal_id = x.deal_id
      LEFT JOIN LATERAL (
        SELECT 1 AS one FROM deal_stage_changes h
        JOIN stages hs ON hs.org_id = h.org_id AND hs.stage_id = h.to_stage_id
        WHERE h.org_id = x.org_id AND h.deal_id = x.deal_id AND h.changed_at >= x.changed_at
          AND hs.pipeline_id = s.pipeline_id AND (hs.kind = 'won' OR (hs.kind = 'open' AND hs.position > s.position))
        LIMIT 1
      ) adv ON true
      WHERE x.org_id = $1 AND s.kind = 'open' AND x.changed_at >= ${lo} AND x.changed_at < ${hi}
        AND NOT EXISTS (
          SELECT 1 FROM deal_stage_changes e
          WHERE e.org_id = x.org_id AND e.deal_id = x.deal_id AND e.to_stage_id = x.to_stage_id
            AND (e.changed_at < x.changed_at OR (e.changed_at = x.changed_at AND e.change_id < x.change_id))
            AND (e.changed_at AT TIME ZONE $5::text)::date = (x.changed_at AT TIME ZONE $5::text)::date)
      GROUP BY d.owner_id
    ) sc ON sc.user_id = u.user_id
    LEFT JOIN (
      SELECT owner_id AS user_id, sum(amount_minor) AS revenue_minor
      FROM sales WHERE org_id = $1 AND sale_date BETWEEN $3::date AND $4::date
      GROUP BY owner_id
    ) s ON s.user_id = u.user_id
    WHERE u.org_id = $1 AND u.user_id = ANY($2::uuid[])`;
