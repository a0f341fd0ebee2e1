import { formatCount } from '@/lib/format';
import styles from './outage-response.module.css';

interface Props {
  outageRef: string;
  regions: { code: string; name: string }[];
  postcodes: string[];
  affectedCustomers: number;
  region: string | null;
  canDownload: boolean;
}

const SHOWN_POSTCODES = 40;

/** Where the outage is and whom it hits, with the SMS list. */
export function FootprintPanel({ outageRef, regions, postcodes, affectedCustomers, region, canDownload }: Props) {
  return (
    <section className="card" aria-labelledby="footprint">
      <h2 id="footprint">Affected</h2>
      <dl className={styles.facts}>
        <dt>Regions</dt>
        <dd>{regions.map((r) => `${r.name} (${r.code})`).join(', ')}</dd>
        <dt>Postcodes</dt>
        <dd>
          {postcodes.length === 0
            ? 'all of the regions'
            : postcodes.slice(0, SHOWN_POSTCODES).join(', ') +
              (postcodes.length > SHOWN_POSTCODES
                ? ` and ${formatCount(postcodes.length - SHOWN_POSTCODES)} more`
                : '')}
        </dd>
        <dt>Customers</dt>
        <dd>
          <strong data-testid="affected-count">{formatCount(affectedCustomers)}</strong>{' '}
          <span className="muted">
            active at the start, billed {postcodes.length === 0 ? 'in the regions' : 'at the postcodes'}
            {region ? `; ${region} only` : ''}
          </span>
        </dd>
      </dl>
      {canDownload ? (
        <p>
          <a
            className="btn btn-ghost btn-small"
            href={`/api/v1/outages/${encodeURIComponent(outageRef)}/affected-customers`}
            download
            data-testid="sms-csv"
          >
            Download the SMS list (CSV)
          </a>
        </p>
      ) : null}
    </section>
  );
}
