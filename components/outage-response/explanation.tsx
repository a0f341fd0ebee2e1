import { LEGAL_POLICY_LABELS } from '@/lib/billing';
import type { RouterOutputs } from '@/lib/trpc/types';
import styles from './outage-response.module.css';

type Owed = RouterOutputs['outageResponse']['compensation']['stillOwed']['first'][number];

const valueText = (value: string | number | boolean | null) =>
  value === null ? '—' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);

/** Which rule, which inputs and which arithmetic gave a customer's amount. */
export function Explanation({ owed }: { owed: Pick<Owed, 'explanation' | 'operatorArithmetic'> }) {
  const e = owed.explanation;
  return (
    <details className={styles.explanation}>
      <summary>
        {LEGAL_POLICY_LABELS[e.policy]} ({e.version}){e.automatic ? '' : ' · not automatic'}
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
