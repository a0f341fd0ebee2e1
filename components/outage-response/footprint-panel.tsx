import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
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
  const t = useTranslations('outageResponse.footprint');
  const f = useFormat();
  return (
    <section className="card" aria-labelledby="footprint">
      <h2 id="footprint">{t('title')}</h2>
      <dl className={styles.facts}>
        <dt>{t('regions')}</dt>
        <dd>{regions.map((r) => `${r.name} (${r.code})`).join(', ')}</dd>
        <dt>{t('postcodes')}</dt>
        <dd>
          {postcodes.length === 0
            ? t('allRegions')
            : postcodes.slice(0, SHOWN_POSTCODES).join(', ') +
              (postcodes.length > SHOWN_POSTCODES
                ? t('andMore', { count: f.count(postcodes.length - SHOWN_POSTCODES) })
                : '')}
        </dd>
        <dt>{t('customers')}</dt>
        <dd>
          <strong data-testid="affected-count">{f.count(affectedCustomers)}</strong>{' '}
          <span className="muted">
            {t('activeAt', { where: postcodes.length === 0 ? 'regions' : 'postcodes' })}
            {region ? t('regionOnly', { region }) : ''}
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
            {t('download')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
