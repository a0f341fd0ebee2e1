import { useTranslations } from 'next-intl';
import { useWords } from '@/components/ui/vocab';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './outage-response.module.css';

type Owed = RouterOutputs['outageResponse']['compensation']['stillOwed']['first'][number];

/** Which rule, which inputs and which arithmetic gave a customer's amount. */
export function Explanation({ owed }: { owed: Pick<Owed, 'explanation' | 'operatorArithmetic'> }) {
  const t = useTranslations('outageResponse.explanation');
  const words = useWords();
  const valueText = (value: string | number | boolean | null) =>
    value === null ? '—' : typeof value === 'boolean' ? (value ? t('yes') : t('no')) : String(value);
  const e = owed.explanation;
  return (
    <details className={styles.explanation}>
      <summary>
        {words('legalPolicy', e.policy)} ({e.version}){e.automatic ? '' : t('notAutomatic')}
      </summary>
      <p>{e.rule}</p>
      <dl>
        {Object.entries(e.inputs).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{valueText(value)}</dd>
          </div>
        ))}
      </dl>
      <ol>
        {[...e.arithmetic, ...owed.operatorArithmetic].map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ol>
    </details>
  );
}
