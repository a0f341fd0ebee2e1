import { useTranslations } from 'next-intl';
import { useWords } from '@/components/ui/vocab';
import { ROLES, TEAMS, type Role, type Team } from '@/lib/vocabularies';

export interface RegionOption {
  code: string;
  name: string;
}

export interface UserFieldValues {
  role: Role;
  regionCode: string | null;
  team: Team | null;
}

/** Role, home region and team selects, shared by the create form and a row being edited. */
export function UserFields({
  idPrefix,
  values,
  regions,
  onChange,
}: {
  idPrefix: string;
  values: UserFieldValues;
  regions: readonly RegionOption[];
  onChange: (values: UserFieldValues) => void;
}) {
  const t = useTranslations('adminUsers.fields');
  const words = useWords();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{t('role')}</label>
        <select
          id={`${idPrefix}-role`}
          value={values.role}
          onChange={(e) => onChange({ ...values, role: ROLES.find((r) => r === e.target.value) ?? values.role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {words('role', role)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-region`}>{t('region')}</label>
        <select
          id={`${idPrefix}-region`}
          value={values.regionCode ?? ''}
          onChange={(e) => onChange({ ...values, regionCode: e.target.value || null })}
        >
          <option value="">{t('allRegions')}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.code} — {region.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-team`}>{t('team')}</label>
        <select
          id={`${idPrefix}-team`}
          value={values.team ?? ''}
          onChange={(e) => onChange({ ...values, team: TEAMS.find((t) => t === e.target.value) ?? null })}
        >
          <option value="">{t('none')}</option>
          {TEAMS.map((team) => (
            <option key={team} value={team}>
              {words('team', team)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
